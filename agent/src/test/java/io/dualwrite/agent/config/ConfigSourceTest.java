package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class ConfigSourceTest {

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private Optional<ConfigSource> locate(String agentArgs) throws ConfigException {
        Function<String, String> property = properties::get;
        Function<String, String> env = environment::get;
        return ConfigSource.locate(agentArgs, property, env);
    }

    private ConfigException failure(String agentArgs) {
        try {
            Optional<ConfigSource> source = locate(agentArgs);
            return fail("expected a ConfigException, got " + source);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
            return e;
        }
    }

    @Test
    void agentArgumentConfigWinsOverSystemPropertyAndEnvironment() throws ConfigException {
        properties.put("dualwrite.config", "/from/property.yaml");
        environment.put("DUALWRITE_CONFIG", "/from/env.yaml");
        ConfigSource source = locate("config=/from/arg.yaml").get();
        assertThat(source.path()).isEqualTo(Paths.get("/from/arg.yaml"));
        assertThat(source.origin()).isEqualTo("agent argument config");
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() throws ConfigException {
        properties.put("dualwrite.config", "/from/property.yaml");
        environment.put("DUALWRITE_CONFIG", "/from/env.yaml");
        ConfigSource source = locate(null).get();
        assertThat(source.path()).isEqualTo(Paths.get("/from/property.yaml"));
        assertThat(source.origin()).isEqualTo("system property dualwrite.config");
    }

    @Test
    void environmentVariableIsUsedWhenNothingElseIsGiven() throws ConfigException {
        environment.put("DUALWRITE_CONFIG", "/from/env.yaml");
        ConfigSource source = locate("  ").get();
        assertThat(source.path()).isEqualTo(Paths.get("/from/env.yaml"));
        assertThat(source.origin()).isEqualTo("environment variable DUALWRITE_CONFIG");
        assertThat(source).hasToString("/from/env.yaml (from environment variable DUALWRITE_CONFIG)");
    }

    @Test
    void nothingGivenLocatesNothing() throws ConfigException {
        assertThat(locate(null)).isEmpty();
        assertThat(locate("")).isEmpty();
        assertThat(locate("   ")).isEmpty();
    }

    @Test
    void agentArgumentsAreTrimmedAndEmptyPairsIgnored() throws ConfigException {
        ConfigSource source = locate(" , config = /etc/dw.yaml ,").get();
        assertThat(source.path()).isEqualTo(Paths.get("/etc/dw.yaml"));
    }

    @Test
    void unknownAgentArgumentKeyIsRejectedNamingItAndTheAllowedKey() {
        ConfigException e = failure("cofnig=/etc/dw.yaml");
        assertThat(e.getMessage())
                .isEqualTo("-javaagent arguments: cofnig: unknown key; allowed agent argument keys: config");
    }

    @Test
    void unknownKeyNextToConfigIsRejectedToo() {
        assertThat(failure("config=/etc/dw.yaml,debug=true").getMessage()).contains("debug: unknown key")
                .contains("config");
    }

    @Test
    void agentArgumentWithoutEqualsSignIsRejected() {
        assertThat(failure("/etc/dw.yaml").getMessage())
                .isEqualTo("-javaagent arguments: /etc/dw.yaml: not a key=value pair; use config=PATH "
                        + "(pairs are separated by commas)");
    }

    @Test
    void emptyConfigArgumentIsRejected() {
        assertThat(failure("config=").getMessage()).isEqualTo(
                "-javaagent arguments: config: is empty; give the path of the YAML config file");
    }

    @Test
    void configArgumentGivenTwiceIsRejected() {
        assertThat(failure("config=/a.yaml,config=/b.yaml").getMessage()).contains("config: given more than once");
    }

    @Test
    void blankSystemPropertyIsRejectedRatherThanIgnored() {
        properties.put("dualwrite.config", " ");
        environment.put("DUALWRITE_CONFIG", "/from/env.yaml");
        assertThat(failure(null).getMessage())
                .isEqualTo("system property dualwrite.config: is empty; give the path of the YAML config file");
    }

    @Test
    void blankEnvironmentVariableIsRejectedRatherThanIgnored() {
        environment.put("DUALWRITE_CONFIG", "");
        assertThat(failure(null).getMessage())
                .startsWith("environment variable DUALWRITE_CONFIG: is empty");
    }
}
