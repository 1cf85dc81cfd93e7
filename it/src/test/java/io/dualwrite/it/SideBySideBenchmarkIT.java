package io.dualwrite.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the side-by-side benchmark (the full one is {@code ./bench.sh side-by-side}): one short round of
 * every variant, two starts each. Its figures are only checked to be there, never against a speed; exit 0 also
 * means every variant that writes the secondary left both sides equal, and no operation failed.
 */
class SideBySideBenchmarkIT {

    @Test
    void everyVariantIsMeasuredAndComparedAndEveryGoalReported() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8.name()));
        try {
            exitCode = new CommandLine(new SideBySideBenchmark()).execute("--rounds", "1", "--duration", "1",
                    "--warmup", "0", "--rows", "500", "--threads", "2", "--starts", "2");
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8.name());
        original.print(printed);

        assertThat(exitCode).as(printed).isZero();
        String number = " +\\d+(\\.\\d+)?";
        String ratio = " +\\d\\.\\d{3} \\[\\d\\.\\d{2}-\\d\\.\\d{2}\\]";
        assertThat(printed).as("the throughput table")
                .containsPattern("\\nno agent" + number + " {18}" + ratio)
                .containsPattern("\\nagent, URL not matching" + number + ratio + ratio)
                .containsPattern("\\nagent, sync" + number + ratio + ratio)
                .containsPattern("\\nagent, async" + number + ratio + ratio)
                .containsPattern("\\nhand-written dual write" + number + ratio + " {18}");
        assertThat(printed).as("the paced async run")
                .containsPattern("agent, async, paced at \\d+ ops/s \\(80 % of no agent\\): \\d+ ops/s, replication lag"
                        + " p99 \\d+ ms");
        assertThat(printed).as("the start-up table")
                .containsPattern("\\nno agent" + number + " +\\+0" + number + " +\\+0\\n")
                .containsPattern("\\nagent, sync" + number + " +[+-]\\d+" + number + " +[+-]\\d+\\n");
        assertThat(printed).as("every goal, measured")
                .containsPattern("instrumentation only: throughput >= 0.98 x no agent +measured \\d")
                .containsPattern("sync: throughput >= 0.97 x hand-written dual write +measured \\d")
                .containsPattern("async: throughput >= 0.95 x no agent +measured \\d")
                .containsPattern("replication lag p99 < 1000 ms +measured \\d")
                .containsPattern("start-up: agent adds <= 250 ms to main \\(sync\\) +measured \\d")
                .containsPattern("heap: agent adds <= 32 MB \\(largest of the agent's variants\\) +measured -?\\d")
                .doesNotContain("not measured");
    }
}
