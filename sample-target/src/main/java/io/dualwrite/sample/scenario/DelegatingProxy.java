package io.dualwrite.sample.scenario;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Statement;

/**
 * A {@link Proxy} that forwards every call to its target and wraps the statements it returns in the same
 * way, as connection-wrapping libraries (tracing, metrics) do.
 */
final class DelegatingProxy implements InvocationHandler {

    private final Object target;

    private DelegatingProxy(Object target) {
        this.target = target;
    }

    static <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(DelegatingProxy.class.getClassLoader(), new Class<?>[] {type},
                new DelegatingProxy(target)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        Class<?> returnType = method.getReturnType();
        if (result != null && Statement.class.isAssignableFrom(returnType)) {
            return wrapStatement(returnType, result);
        }
        return result;
    }

    private static <T> T wrapStatement(Class<T> statementType, Object statement) {
        return wrap(statementType, statementType.cast(statement));
    }
}
