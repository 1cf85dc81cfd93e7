package io.dualwrite.agent.read;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;

/**
 * A result set handed to the application in place of another: every call goes to {@link #target} except those
 * a subclass answers itself. A dynamic proxy rather than a hand-written delegate: the interface has some 190
 * methods, nearly all passed on unchanged, and the driver's own exceptions reach the application as they are.
 */
abstract class ResultSetProxy implements InvocationHandler {

    final ResultSet target;
    private final ResultSet proxy;

    ResultSetProxy(ResultSet target) {
        this.target = target;
        this.proxy = (ResultSet) Proxy.newProxyInstance(ResultSetProxy.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, this);
    }

    /** What the application holds. */
    final ResultSet proxy() {
        return proxy;
    }

    @Override
    public final Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return getClass().getSimpleName() + "[" + target + "]";
            default:
                return answer(method, args);
        }
    }

    /** Answers a call of the application; by default the target's answer. */
    Object answer(Method method, Object[] args) throws Throwable {
        return pass(method, args);
    }

    final Object pass(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
