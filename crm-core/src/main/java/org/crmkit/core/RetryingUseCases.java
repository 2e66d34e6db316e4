package org.crmkit.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a use-case interface's calls again, whole, when they fail with a retriable error and the {@link RetryPolicy}
 * allows another attempt (see there for why that is safe). A call inside a transaction that crmkit does not begin
 * itself (the host's, or another use case's) is made once: only that transaction's owner can run it again.
 */
final class RetryingUseCases implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingUseCases.class);

    private final Object target;
    private final RetryPolicy policy;
    private final UnitOfWork unitOfWork;

    private RetryingUseCases(Object target, RetryPolicy policy, UnitOfWork unitOfWork) {
        this.target = target;
        this.policy = policy;
        this.unitOfWork = unitOfWork;
    }

    /**
     * @return {@code service} itself when the policy makes every call once, else a proxy retrying its calls
     */
    static <T> T wrap(Class<T> type, T service, RetryPolicy policy, UnitOfWork unitOfWork) {
        if (policy.maxAttempts() == 1) {
            return service;
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new RetryingUseCases(service, policy, unitOfWork)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        boolean own = unitOfWork.startsOwnTransaction();
        for (int attempt = 1; ; attempt++) {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                if (!own || !(failure instanceof CrmException crm) || !policy.retries(crm, attempt)
                        || !policy.pause(attempt)) {
                    throw failure;
                }
                LOG.debug("{} failed with {} on attempt {}; trying again", method.getName(), crm.code(), attempt);
            }
        }
    }
}
