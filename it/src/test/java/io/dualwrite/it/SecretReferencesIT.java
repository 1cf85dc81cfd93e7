package io.dualwrite.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ${env:NAME}} and {@code ${file:PATH}} references are resolved in the configuration's strings. */
class SecretReferencesIT extends DatabasePairPerClass {

    SecretReferencesIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.POSTGRESQL);
    }

    @Test
    void secondaryUrlUserAndPasswordComeFromEnvironmentAndFileReferences() throws IOException {
        Path userFile = AgentRun.writePrivateFile(secondary().user(), "secondary-user.txt");
        AgentConfig config = AgentConfig.mirroring(databases)
                .secondary("${env:DW_IT_SECONDARY_URL}", "${file:" + userFile + "}", "${env:DW_IT_SECONDARY_PASSWORD}");
        RunResult run = AgentRun.with(config)
                .environment("DW_IT_SECONDARY_URL", secondary().url())
                .environment("DW_IT_SECONDARY_PASSWORD", secondary().password())
                .run(SampleCommand.scenario("writes", primary(), "--rows", "20"))
                .assertScenarioDone("writes");
        Stats stats = run.consistentStats();

        assertThat(new String(Files.readAllBytes(userFile), StandardCharsets.UTF_8)).isEqualTo(secondary().user());
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe()).isPositive();
        run.verify(() -> TableComparison.assertSameRows(databases));
    }
}
