package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void utf8IsDecodedStrictly() throws CharacterCodingException {
        assertThat(ConfigFile.decodeUtf8("\u00e4: \u20ac".getBytes(StandardCharsets.UTF_8))).isEqualTo("\u00e4: \u20ac");
        assertThatThrownBy(() -> ConfigFile.decodeUtf8(new byte[] {'a', (byte) 0xff}))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void theFileIsReadAsText() throws IOException, ConfigException {
        Path file = Files.write(dir.resolve("dw.yaml"), "enabled: false\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigFile.read(file, null)).isEqualTo("enabled: false\n");
    }

    @Test
    void aProblemWithTheFileSaysHowItWasGiven() {
        assertThatThrownBy(() -> ConfigFile.read(dir, "system property dualwrite.config"))
                .hasMessage(dir + ": the config file is a directory (given by system property dualwrite.config); "
                        + "give the path of the YAML file; check the system property dualwrite.config");
        assertThatThrownBy(() -> ConfigFile.read(dir.resolve("missing.yaml"), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problem()).isEqualTo("the config file does not exist");
                    assertThat(e.remedy()).startsWith("create it or check the path; give the config file with");
                });
    }
}
