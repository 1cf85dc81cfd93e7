package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;

class NodeReaderTest {

    private final NodeReader nodes = new NodeReader("t.yaml", new References(name -> "v-" + name, null));

    private Map<String, YamlEntry> entries(String yaml) throws ConfigException {
        return nodes.entries((MappingNode) YamlComposer.compose(yaml, "t.yaml"), "s", null, null);
    }

    @Test
    void entriesHaveDottedPathsAndADuplicateNamesTheFirstLine() throws ConfigException {
        Map<String, YamlEntry> entries = entries("a: 1\nb: 2\n");
        assertThat(entries.keySet()).containsExactly("a", "b");
        assertThat(entries.get("b").path).isEqualTo("s.b");
        assertThatThrownBy(() -> entries("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.key()).isEqualTo("s.a");
                    assertThat(e.problem()).isEqualTo("duplicate key (first given on line 1)");
                });
    }

    @Test
    void anUnknownKeyListsTheAllowedOnes() {
        assertThatThrownBy(() -> nodes.entries((MappingNode) YamlComposer.compose("x: 1\n", "t.yaml"), "s",
                Arrays.asList("a", "b"), "under s"))
                .hasMessage("t.yaml line 1: s.x: unknown key; allowed under s: a, b");
    }

    @Test
    void scalarsAreTypedStrictlyAndLeftOutOrEmptyGivesTheDefault() throws ConfigException {
        Map<String, YamlEntry> entries = entries("t: true\nn: +42\ne:\ns: \"${env:X}\"\nq: \"1\"\n");
        assertThat(nodes.bool(entries.get("t"), false)).isTrue();
        assertThat(nodes.bool(entries.get("e"), true)).isTrue();
        assertThat(nodes.bool(null, false)).isFalse();
        assertThat(nodes.integer(entries.get("n"), 0, 100, 7)).isEqualTo(42);
        assertThat(nodes.integer(entries.get("e"), 0, 100, 7)).isEqualTo(7);
        assertThat(nodes.string(entries.get("s"), false)).isEqualTo("v-X");
        assertThat(nodes.string(entries.get("e"), false)).isNull();
        assertThatThrownBy(() -> nodes.bool(entries.get("q"), false))
                .hasMessage("t.yaml line 5: s.q: \"1\" is text in quotes, not a boolean; "
                        + "use true or false (without quotes)");
        assertThatThrownBy(() -> nodes.integer(entries.get("n"), 0, 10, 7))
                .hasMessage("t.yaml line 2: s.n: +42 is out of range; use a whole number from 0 to 10");
        assertThatThrownBy(() -> nodes.string(entries.get("t"), true))
                .hasMessage("t.yaml line 1: s.t: must be a string; put the value in quotes");
    }

    @Test
    void aMissingRequiredKeyIsAnErrorOnlyWhenEnabled() throws ConfigException {
        Map<String, YamlEntry> entries = entries("section:\n  empty:\n");
        YamlEntry section = entries.get("section");
        nodes.requireWhenEnabled(false, null, "s.section.key", section, "add it");
        assertThatThrownBy(() -> nodes.requireWhenEnabled(true, null, "s.section.key", section, "add it"))
                .hasMessage("t.yaml line 1: s.section.key: missing; it is required when enabled is true: add it");
        YamlEntry empty = nodes.entries((MappingNode) section.value, section.path, null, null).get("empty");
        assertThatThrownBy(() -> nodes.requireWhenEnabled(true, empty, "s.section.empty", section, "give it"))
                .hasMessage("t.yaml line 2: s.section.empty: has no value; it is required when enabled is true: "
                        + "give it");
    }

    @Test
    void kindNamesWhatANodeIs() throws ConfigException {
        Map<String, YamlEntry> entries = entries("m: {a: 1}\nl: [1]\nz: ~\nb: no\nf: 1.5\nd: 2020-01-01\nt: x\n");
        assertThat(entries.values()).extracting(entry -> NodeReader.kind(entry.value))
                .containsExactly("a map", "a list", "empty", "a boolean", "a number", "a date", "text");
    }

    @Test
    void echoShortensLongValues() {
        assertThat(NodeReader.echo("short")).isEqualTo("short");
        assertThat(NodeReader.echo("x".repeat(61))).hasSize(60).endsWith("...");
    }
}
