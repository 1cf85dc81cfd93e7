package io.dualwrite;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The entry point named by the jar's manifest. It only wires things: the agent's internals (stored under
 * {@code inst/} as {@code .classdata}) are loaded by an isolated class loader the application never sees,
 * and the installer takes over; it puts the bootstrap hook API on the bootstrap class path once it knows
 * the agent will be active. Nothing here may stop the application: every failure is one line on stderr.
 */
public final class DualWriteAgent {

    private static final String INSTALLER = "io.dualwrite.agent.AgentInstaller";
    private static final String CLI = "io.dualwrite.agent.cli.AgentCli";

    private DualWriteAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    /** Attached to a running JVM: classes already loaded are instrumented too. */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    /** {@code java -jar dualwrite-agent.jar COMMAND ...}: the agent's command line. */
    public static void main(String[] args) throws Throwable {
        JarFile jar = new JarFile(agentJarFile());
        Class<?> cli = new InternalClassLoader(jar).loadClass(CLI);
        int status = (int) cli.getMethod("run", String[].class).invoke(null, (Object) args);
        System.exit(status);
    }

    private static void start(String agentArgs, Instrumentation inst, boolean attached) {
        try {
            JarFile jar = new JarFile(agentJarFile());
            Class<?> installer = new InternalClassLoader(jar).loadClass(INSTALLER);
            installer.getMethod("install", String.class, Instrumentation.class, JarFile.class, boolean.class)
                    .invoke(null, agentArgs, inst, jar, attached);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
            System.err.println("[ERROR] dualwrite - the agent could not start (" + cause
                    + "); the application runs without it");
        }
    }

    private static File agentJarFile() throws Exception {
        CodeSource source = DualWriteAgent.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot locate the agent jar");
        }
        return new File(source.getLocation().toURI());
    }

    /**
     * Loads the agent's internals from {@code inst/} of the agent jar. Its parent is the platform class
     * loader, so it sees the JDK (including {@code java.sql}) and the bootstrap hook API, and nothing of
     * the application.
     */
    static final class InternalClassLoader extends ClassLoader {

        private static final String PREFIX = "inst/";

        static {
            registerAsParallelCapable();
        }

        private final JarFile jar;
        private final URL jarUrl;
        private final ProtectionDomain domain;

        InternalClassLoader(JarFile jar) throws MalformedURLException {
            super("dualwrite", ClassLoader.getPlatformClassLoader());
            this.jar = jar;
            this.jarUrl = new File(jar.getName()).toURI().toURL();
            this.domain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + ".classdata");
            if (entry == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes;
            try (InputStream in = jar.getInputStream(entry)) {
                bytes = readAll(in);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            definePackageOf(name);
            return defineClass(name, bytes, 0, bytes.length, domain);
        }

        private void definePackageOf(String className) {
            int dot = className.lastIndexOf('.');
            if (dot > 0) {
                String pkg = className.substring(0, dot);
                if (getDefinedPackage(pkg) == null) {
                    try {
                        definePackage(pkg, null, null, null, null, null, null, null);
                    } catch (IllegalArgumentException concurrentlyDefined) {
                        // another thread defined it first: fine
                    }
                }
            }
        }

        @Override
        protected URL findResource(String name) {
            JarEntry entry = jar.getJarEntry(internalName(name));
            if (entry == null) {
                return null;
            }
            try {
                return new URL("jar:" + jarUrl + "!/" + entry.getName());
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL url = findResource(name);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
        }

        private static String internalName(String resource) {
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            if (path.endsWith(".class")) {
                path = path.substring(0, path.length() - ".class".length()) + ".classdata";
            }
            return PREFIX + path;
        }

        private static byte[] readAll(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
