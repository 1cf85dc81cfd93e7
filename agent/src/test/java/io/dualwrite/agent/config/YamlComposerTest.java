package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;

class YamlComposerTest {

    @Test
    void aMapIsComposedAndAnEmptyTextHasNoRoot() throws ConfigException {
        assertThat(YamlComposer.compose("a: 1\n", "t.yaml")).isInstanceOf(MappingNode.class);
        assertThat(YamlComposer.compose("# only a comment\n", "t.yaml")).isNull();
    }

    @Test
    void aSyntaxErrorHasTheLineAndColumnButNotTheValue() {
        assertThatThrownBy(() -> YamlComposer.compose("a: 1\nb: \"Sekr3t\\q\"\n", "t.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).startsWith("invalid YAML at column ");
                    assertThat(e.getMessage()).doesNotContain("Sekr3t");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void aForbiddenCharacterIsNamedWithItsLineAndColumn() {
        assertThatThrownBy(() -> YamlComposer.compose("a: 1\r\nb: x\u0001\n", "t.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).isEqualTo("invalid YAML at column 5: the file contains the character "
                            + "U+0001, which YAML does not allow");
                });
    }

    @Test
    void aSecondDocumentIsReportedAsSuch() {
        assertThatThrownBy(() -> YamlComposer.compose("a: 1\n---\nb: 2\n", "t.yaml"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.problem()).isEqualTo("found a second YAML document"));
    }
}
