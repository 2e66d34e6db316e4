package org.crmkit.persistence.mybatis.internal.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;

/**
 * A mapper that looks up the session of the current transaction at each call and translates whatever MyBatis or
 * the driver throws into a {@code CrmException}: the one place where SQL exceptions are converted. A statement other
 * than a {@code SELECT} is refused inside a stale-tolerant read ({@link MyBatisUnitOfWork#requireWritable}).
 */
final class MapperProxy implements InvocationHandler {
    private final MyBatisUnitOfWork unitOfWork;
    private final Class<?> type;

    private MapperProxy(MyBatisUnitOfWork unitOfWork, Class<?> type) {
        this.unitOfWork = unitOfWork;
        this.type = type;
    }

    static <M> M create(MyBatisUnitOfWork unitOfWork, Class<M> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new MapperProxy(unitOfWork, type)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "MapperProxy[" + type.getSimpleName() + "]";
            };
        }
        return unitOfWork.inTransaction(() -> {
            SqlSession session = unitOfWork.session();
            if (unitOfWork.readingStale() && !isSelect(session, type.getName() + "." + method.getName())) {
                unitOfWork.requireWritable(type.getSimpleName() + "." + method.getName());
            }
            Object mapper = session.getMapper(type);
            try {
                // mapper interfaces are package-private in their area's package
                method.setAccessible(true);
                return method.invoke(mapper, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw SqlErrors.translate(runtime, type.getSimpleName() + "." + method.getName());
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw SqlErrors.translate(new IllegalStateException(cause), type.getSimpleName());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean isSelect(SqlSession session, String statement) {
        Configuration configuration = session.getConfiguration();
        return configuration.hasStatement(statement)
                && configuration.getMappedStatement(statement).getSqlCommandType() == SqlCommandType.SELECT;
    }
}
