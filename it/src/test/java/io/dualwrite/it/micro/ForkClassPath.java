package io.dualwrite.it.micro;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;

/**
 * The class path of the forks that run with the agent attached. JMH gives its forks this JVM's
 * {@code java.class.path}, which holds the agent module's own (unpackaged) classes for the benchmarks that call them
 * directly. With those on the class path, {@code -javaagent} would load the premain class
 * {@code io.dualwrite.DualWriteAgent} from there instead of from the agent jar (which the JVM appends after the
 * class path) and the agent could not start; the hook API would be found twice. So those forks get the class path
 * without the entries that hold either.
 */
final class ForkClassPath {

    private static final String[] AGENT_CLASSES = {
        "io/dualwrite/DualWriteAgent.class", "io/dualwrite/bootstrap/JdbcHooks.class",
    };

    private ForkClassPath() {
    }

    /**
     * Runs {@code jmh} with {@code java.class.path} stripped of the agent's classes, restored afterwards. JMH reads
     * the property when it starts each fork; nothing else in this JVM reads it meanwhile.
     */
    static <T> T withoutAgentClasses(Callable<T> jmh) throws Exception {
        String original = System.getProperty("java.class.path");
        System.setProperty("java.class.path", withoutAgentClasses(original));
        try {
            return jmh.call();
        } finally {
            System.setProperty("java.class.path", original);
        }
    }

    static String withoutAgentClasses(String classPath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !holdsAgentClasses(Paths.get(entry))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static boolean holdsAgentClasses(Path entry) {
        for (String name : AGENT_CLASSES) {
            if (Files.isDirectory(entry) ? Files.isRegularFile(entry.resolve(name)) : jarHolds(entry, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jarHolds(Path jar, String name) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(name) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path entry " + jar, e);
        }
    }
}
