package org.crmkit.persistence.mybatis.internal.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Creates the adapter's row records for MyBatis's constructor result maps with the constructor looked up and made
 * accessible once per record type. MyBatis's own factory looks the constructor up again for every row and, the
 * records being package-private, has every call checked for access before it falls back: a measurable part of
 * reading a row (docs/performance.md). Anything else is left to the default factory.
 */
public final class RowObjectFactory extends DefaultObjectFactory {
    private static final long serialVersionUID = 1L;

    /** A type and its constructor's parameter types. */
    private record Signature(Class<?> type, List<Class<?>> parameters) {
    }

    private final transient Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
        if (constructorArgTypes == null || constructorArgs == null || type.isInterface()) {
            return super.create(type, constructorArgTypes, constructorArgs);
        }
        // the lookup needs no copy of the list (lists compare by content); the key kept does
        Constructor<?> constructor = constructors.get(new Signature(type, constructorArgTypes));
        if (constructor == null) {
            constructor = constructors.computeIfAbsent(new Signature(type, List.copyOf(constructorArgTypes)),
                    RowObjectFactory::accessible);
        }
        try {
            return type.cast(constructor.newInstance(constructorArgs.toArray()));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                 | IllegalArgumentException e) {
            throw new ReflectionException("Error instantiating " + type.getName(), e);
        }
    }

    /** @return a fresh factory: the cache is not serialized */
    private Object readResolve() {
        return new RowObjectFactory();
    }

    private static Constructor<?> accessible(Signature signature) {
        try {
            Constructor<?> constructor = signature.type().getDeclaredConstructor(
                    signature.parameters().toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new ReflectionException("Cannot use a constructor of " + signature.type().getName() + " taking "
                    + signature.parameters(), e);
        }
    }
}
