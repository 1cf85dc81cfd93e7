package io.dualwrite.agent.capture;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of {@code PreparedStatement}'s parameter setters, identified by name and descriptor, so that the
 * mirror replays a value through exactly the setter the application used (same overload, same SQL type,
 * same Calendar).
 */
public final class Setter {

    private static final ConcurrentHashMap<String, Setter> BY_KEY = new ConcurrentHashMap<>();

    private final String key;
    private final Method method;

    private Setter(String key, Method method) {
        this.key = key;
        this.method = method;
    }

    /**
     * Returns the setter for a key such as {@code setInt(II)V}, or null when {@code PreparedStatement} has
     * no such method (a driver's own overload, which the mirror cannot replay on another driver).
     */
    public static Setter forKey(String key) {
        Setter setter = BY_KEY.get(key);
        if (setter == null) {
            setter = resolve(key);
            if (setter == null) {
                return null;
            }
            BY_KEY.putIfAbsent(key, setter);
        }
        return setter;
    }

    static Setter named(String name, Class<?>... parameterTypes) {
        try {
            Method method = PreparedStatement.class.getMethod(name, parameterTypes);
            String key = name + MethodType.methodType(method.getReturnType(), parameterTypes).toMethodDescriptorString();
            return BY_KEY.computeIfAbsent(key, k -> new Setter(k, method));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("PreparedStatement has no " + name, e);
        }
    }

    private static Setter resolve(String key) {
        int paren = key.indexOf('(');
        if (paren <= 0) {
            return null;
        }
        try {
            MethodType type = MethodType.fromMethodDescriptorString(key.substring(paren),
                    PreparedStatement.class.getClassLoader());
            return new Setter(key, PreparedStatement.class.getMethod(key.substring(0, paren), type.parameterArray()));
        } catch (NoSuchMethodException | TypeNotPresentException | IllegalArgumentException e) {
            return null;
        }
    }

    public String name() {
        return method.getName();
    }

    public Class<?>[] parameterTypes() {
        return method.getParameterTypes();
    }

    void invoke(PreparedStatement statement, Object[] args) throws java.sql.SQLException {
        try {
            method.invoke(statement, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.sql.SQLException) {
                throw (java.sql.SQLException) cause;
            }
            throw new java.sql.SQLException(key + " failed on the secondary: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new java.sql.SQLException(key + " is not accessible", e);
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
