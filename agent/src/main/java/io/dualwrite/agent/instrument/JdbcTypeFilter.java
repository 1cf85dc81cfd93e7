package io.dualwrite.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Spares ByteBuddy the classes that plainly are not JDBC types, which are most of what an application loads.
 * A class whose super class and interfaces all belong to the JDK implements a {@code java.sql} interface only
 * if one of them is in {@code java.sql}: no other JDK type extends one. Reading those names from the class
 * file header costs microseconds, where ByteBuddy's look at a type's whole hierarchy costs far more, on every
 * class, at the application's start. A class with any super type from outside the JDK goes to ByteBuddy,
 * since that super type may not be loaded yet when this class is seen.
 */
final class JdbcTypeFilter implements ClassFileTransformer {

    private final ClassFileTransformer byteBuddy;

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

    static boolean mayBeJdbcType(String className, byte[] classFile) {
        if (isJdk(className)) {
            return false;
        }
        ClassReader header;
        try {
            header = new ClassReader(classFile);
        } catch (RuntimeException malformed) {
            return false;
        }
        boolean onlyJdkSuperTypes = header.getSuperName() == null || isJdk(header.getSuperName());
        boolean jdbcSuperType = header.getSuperName() != null && header.getSuperName().startsWith("java/sql/");
        for (String implemented : header.getInterfaces()) {
            onlyJdkSuperTypes &= isJdk(implemented);
            jdbcSuperType |= implemented.startsWith("java/sql/");
        }
        return jdbcSuperType || !onlyJdkSuperTypes;
    }

    private static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("jdk/");
    }
}
