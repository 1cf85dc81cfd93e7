package io.dualwrite.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar shows the application nothing but the premain class and the tiny bootstrap API: everything
 * else is stored under {@code inst/} as {@code .classdata}, which no class loader of the application can load,
 * and the agent's dependencies are relocated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentJarLayoutIT {

    private JarFile jar;
    private List<String> entries;

    @BeforeAll
    void openAgentJar() throws IOException {
        jar = new JarFile(ItPaths.agentJar().toFile());
        entries = new ArrayList<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            entries.add(entry.getName());
        }
    }

    @AfterAll
    void closeAgentJar() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void onlyThePremainClassTheBootstrapApiAndInstAreAtTheTop() {
        List<String> misplaced = new ArrayList<>();
        for (String name : entries) {
            boolean allowed = name.startsWith("META-INF/")
                    || name.startsWith("io/dualwrite/bootstrap/")
                    || name.equals("io/dualwrite/DualWriteAgent.class")
                    || name.startsWith("io/dualwrite/DualWriteAgent$") && name.endsWith(".class")
                    || name.startsWith("inst/")
                    || isDirectoryOnTheWayToAnAllowedPlace(name);
            if (!allowed) {
                misplaced.add(name);
            }
        }
        assertThat(misplaced).as("entries of %s outside META-INF/, io/dualwrite/bootstrap/, "
                + "io/dualwrite/DualWriteAgent*.class and inst/", ItPaths.agentJar()).isEmpty();
        assertThat(entries).as("entries of the agent jar")
                .contains("io/dualwrite/DualWriteAgent.class")
                .anyMatch(n -> n.startsWith("io/dualwrite/bootstrap/") && n.endsWith(".class"))
                .anyMatch(n -> n.startsWith("inst/") && n.endsWith(".classdata"));
    }

    @Test
    void noClassFileIsVisibleUnderInst() {
        assertThat(entries).filteredOn(n -> n.startsWith("inst/") && n.endsWith(".class"))
                .as(".class files under inst/ (internals must be stored as .classdata)").isEmpty();
    }

    @Test
    void manifestDeclaresPremainAgentClassAndRetransformation() throws IOException {
        Manifest manifest = jar.getManifest();
        assertThat(manifest).as("manifest of %s", ItPaths.agentJar()).isNotNull();
        Attributes main = manifest.getMainAttributes();
        assertThat(main.getValue("Premain-Class")).as("Premain-Class").isEqualTo("io.dualwrite.DualWriteAgent");
        assertThat(main.getValue("Agent-Class")).as("Agent-Class").isEqualTo("io.dualwrite.DualWriteAgent");
        assertThat(main.getValue("Can-Retransform-Classes")).as("Can-Retransform-Classes").isEqualToIgnoringCase("true");
    }

    @Test
    void dependenciesAreRelocated() {
        assertThat(entries)
                .filteredOn(n -> containsPackage(n, "net/bytebuddy/") || containsPackage(n, "org/yaml/")
                        || containsPackage(n, "org/slf4j/") || n.startsWith("picocli/") || n.startsWith("inst/picocli/"))
                .as("unrelocated ByteBuddy, SnakeYAML, SLF4J or picocli entries").isEmpty();
        assertThat(entries).as("the relocated ByteBuddy is in the jar")
                .anyMatch(n -> n.startsWith("inst/") && n.contains("/bytebuddy/"));
        assertThat(entries).as("the relocated picocli is in the jar")
                .anyMatch(n -> n.startsWith("inst/io/dualwrite/shaded/picocli/"));
    }

    /**
     * True for {@code net/bytebuddy/...} at the top, for {@code inst/net/bytebuddy/...}, and for service files
     * named after the package ({@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}).
     */
    private static boolean containsPackage(String entry, String packagePath) {
        String dotted = packagePath.replace('/', '.');
        return entry.startsWith(packagePath) || entry.contains("/" + packagePath)
                || entry.contains("services/" + dotted);
    }

    private static boolean isDirectoryOnTheWayToAnAllowedPlace(String name) {
        return name.equals("io/") || name.equals("io/dualwrite/");
    }
}
