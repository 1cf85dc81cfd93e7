package io.dualwrite.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Spares ByteBuddy the classes that cannot be JDBC types, which are nearly all an application loads: a class
 * or interface can only implement a {@code java.sql} interface if its super class or one of its interfaces
 * is a {@code java.sql} type or one seen here before (super types always load before their subtypes). Reading
 * those names from the class file header costs microseconds; ByteBuddy's full look at a type's hierarchy
 * costs far more, on every class, at the application's start. Only used from premain: classes loaded before
 * the agent was attached were never seen here.
 */
final class JdbcTypeFilter implements ClassFileTransformer {

    private static final String JDBC_PACKAGE = "java/sql/";

    private final ClassFileTransformer byteBuddy;
    private final Set<String> jdbcTypes = ConcurrentHashMap.newKeySet();

    JdbcTypeFilter(ClassFileTransformer byteBuddy) {
        this.byteBuddy = byteBuddy;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (className == null || !mayBeJdbcType(className, classfileBuffer)) {
            return null;
        }
        return byteBuddy.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    boolean mayBeJdbcType(String className, byte[] classFile) {
        if (className.startsWith(JDBC_PACKAGE)) {
            jdbcTypes.add(className);
            return false;
        }
        ClassReader header;
        try {
            header = new ClassReader(classFile);
        } catch (RuntimeException malformed) {
            return false;
        }
        boolean jdbc = isJdbcType(header.getSuperName());
        for (String implemented : header.getInterfaces()) {
            jdbc |= isJdbcType(implemented);
        }
        if (jdbc) {
            jdbcTypes.add(className);
        }
        return jdbc;
    }

    private boolean isJdbcType(String internalName) {
        return internalName != null && (internalName.startsWith(JDBC_PACKAGE) || jdbcTypes.contains(internalName));
    }
}
