package io.dualwrite.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every micro-benchmark once, as briefly as JMH allows (one fork, no warm-up, one iteration of 100 ms), through
 * the same runner as the full run: proves that each one runs and yields a figure, and that the forks meant to run
 * with the agent really had it, following what their configuration says. Asserts no speed.
 */
class MicroBenchmarksIT {

    private static MicroReport report;

    @BeforeAll
    static void runEveryBenchmarkOnce() throws Exception {
        report = MicroBenchmarks.run(RunSettings.smoke(RunSettings.ALL), MicroBenchmarks.agentJar());
    }

    @Test
    void everyBenchmarkYieldsAPositiveFiniteScore() {
        List<String> names = report.measurements.stream()
                .map(m -> m.name() + (m.configuration == null ? "" : " [" + m.configuration + "]"))
                .collect(Collectors.toList());
        assertThat(names).containsExactlyInAnyOrder(
                "AdviceOverheadBenchmark.preparedInsert [NO_AGENT]",
                "AdviceOverheadBenchmark.statementInsert [NO_AGENT]",
                "AdviceOverheadBenchmark.preparedInsert [UNMATCHED_URL]",
                "AdviceOverheadBenchmark.statementInsert [UNMATCHED_URL]",
                "AdviceOverheadBenchmark.preparedInsert [MIRRORED_SYNC]",
                "AdviceOverheadBenchmark.statementInsert [MIRRORED_SYNC]",
                "SqlClassificationBenchmark.cacheHit",
                "SqlClassificationBenchmark.cacheMiss",
                "SqlClassificationBenchmark.classifierAlone",
                "ParameterCaptureBenchmark.fiveParameters",
                "ParameterCaptureBenchmark.fiveParametersAndWrite",
                "TranslationBenchmark.notActive",
                "TranslationBenchmark.unchangedInsert",
                "TranslationBenchmark.rewrittenInsert",
                "TranslationBenchmark.unchangedTextCacheMiss",
                "TranslationBenchmark.rewrittenTextCacheMiss",
                "JournalAppendBenchmark.appendOneThread (fsync=NEVER)",
                "JournalAppendBenchmark.appendOneThread (fsync=BATCH)",
                "JournalAppendBenchmark.appendFourThreads (fsync=NEVER, 4 threads)",
                "JournalAppendBenchmark.appendFourThreads (fsync=BATCH, 4 threads)");
        assertThat(report.measurements).allSatisfy(m -> {
            assertThat(m.score).as(m.name()).isFinite().isPositive();
            assertThat(m.unit).as(m.name()).isEqualTo("ns/op");
        });
    }

    @Test
    void forksWithoutTheAgentNeitherHadItNorMirrored() {
        assertThat(forksOf(AdviceConfiguration.NO_AGENT)).hasSize(2).allSatisfy(fork -> {
            assertThat(fork.agentActive).as(fork.toString()).isFalse();
            assertThat(fork.secondaryExecutions).as(fork.toString()).isZero();
        });
    }

    @Test
    void forksWithTheUrlNotMatchingHadTheAgentInstrumentingButFollowedOnlyTheProbe() {
        assertThat(forksOf(AdviceConfiguration.UNMATCHED_URL)).hasSize(2).allSatisfy(fork -> {
            assertThat(fork.agentActive).as(fork.toString()).isTrue();
            assertThat(fork.primaryExecutions).as(fork.toString()).isPositive();
            assertThat(fork.probeExecutions).as(fork.toString()).isEqualTo(1);
            assertThat(fork.secondaryExecutions).as(fork.toString()).isEqualTo(1);
            assertThat(fork.writesSeen).as(fork.toString()).isEqualTo(1);
        });
    }

    @Test
    void mirroringForksAppliedEveryWriteOnceToTheSecondary() {
        assertThat(forksOf(AdviceConfiguration.MIRRORED_SYNC)).hasSize(2).allSatisfy(fork -> {
            assertThat(fork.agentActive).as(fork.toString()).isTrue();
            assertThat(fork.primaryExecutions).as(fork.toString()).isPositive();
            assertThat(fork.secondaryExecutions).as(fork.toString()).isEqualTo(fork.primaryExecutions);
            assertThat(fork.writesApplied).as(fork.toString()).isEqualTo(fork.primaryExecutions);
        });
    }

    @Test
    void theReportFindsNoContradiction() {
        assertThat(report.contradictions()).isEmpty();
    }

    private static List<ForkEvidence> forksOf(AdviceConfiguration configuration) {
        return report.evidence.stream().filter(fork -> fork.configuration.equals(configuration.name()))
                .collect(Collectors.toList());
    }
}
