package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code reads} section: which database answers reads, which reads may leave the primary, shadow reads. */
class ReadsConfigTest {

    private static final String SOURCE = "/x/dw.yaml";
    private static final String MINIMAL = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
            + "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";

    @TempDir
    Path dir;

    private static ReadsConfig reads(String section) throws ConfigException {
        return ConfigLoader.parse(MINIMAL + "reads:\n" + section, SOURCE, Map.<String, String>of()::get).reads();
    }

    private static String error(String section) {
        try {
            return "parsed: " + reads(section);
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    // ----- defaults -----

    @Test
    void leftOutEveryReadStaysOnThePrimaryAndMismatchesWouldBeLoggedMaskedInTheWorkingDirectory() throws Exception {
        ReadsConfig reads = ConfigLoader.parse(MINIMAL, SOURCE, Map.<String, String>of()::get).reads();

        assertThat(reads.route()).isEqualTo(ReadRoute.PRIMARY);
        assertThat(reads.secondaryPercent()).isZero();
        assertThat(reads.shadowPercent()).isEqualTo(100);
        assertThat(reads.readYourWritesMs()).isEqualTo(1000);
        assertThat(reads.tables()).isEqualTo(TableFilter.all());
        assertThat(reads.sticky()).isEqualTo(ReadSticky.NONE);
        assertThat(reads.poolSize()).isEqualTo(10);
        assertThat(reads.shadowMaxRows()).isEqualTo(1000);
        assertThat(reads.shadowThreads()).isEqualTo(1);
        assertThat(reads.shadowQueueCapacity()).isEqualTo(1000);
        assertThat(reads.mismatchLog()).isEqualTo(Paths.get("dualwrite-mismatches.jsonl").toAbsolutePath());
        assertThat(reads.maskValues()).isTrue();
        assertThat(reads).isEqualTo(ReadsConfig.defaults(Paths.get("").toAbsolutePath()));
    }

    @Test
    void anEmptySectionAndADisabledAgentHaveTheDefaultsToo() throws Exception {
        assertThat(reads("")).isEqualTo(ReadsConfig.defaults(Paths.get("").toAbsolutePath()));
        assertThat(AgentConfig.disabled().reads()).isEqualTo(ReadsConfig.defaults(Paths.get("").toAbsolutePath()));
        assertThat(ConfigLoader.parse("enabled: false\n", SOURCE, Map.<String, String>of()::get).reads().route())
                .isEqualTo(ReadRoute.PRIMARY);
    }

    // ----- every key -----

    @Test
    void everyKeyIsReadIntoTheConfig() throws Exception {
        ReadsConfig reads = reads("  route: split\n"
                + "  secondary-percent: 25\n"
                + "  shadow-percent: 10\n"
                + "  read-your-writes-ms: 0\n"
                + "  tables:\n"
                + "    include: [\"orders\", \"order_*\"]\n"
                + "    exclude: [\"*_audit\"]\n"
                + "  sticky: connection\n"
                + "  pool-size: 3\n"
                + "  shadow-max-rows: 50\n"
                + "  shadow-threads: 4\n"
                + "  shadow-queue-capacity: 200\n"
                + "  mismatch-log: /var/log/dw/mismatches.jsonl\n"
                + "  mask-values: false\n");

        assertThat(reads.route()).isEqualTo(ReadRoute.SPLIT);
        assertThat(reads.secondaryPercent()).isEqualTo(25);
        assertThat(reads.shadowPercent()).isEqualTo(10);
        assertThat(reads.readYourWritesMs()).isZero();
        assertThat(reads.tables().include()).containsExactly("orders", "order_*");
        assertThat(reads.tables().exclude()).containsExactly("*_audit");
        assertThat(reads.tables().includes("public.order_items")).isTrue();
        assertThat(reads.tables().includes("order_audit")).isFalse();
        assertThat(reads.sticky()).isEqualTo(ReadSticky.CONNECTION);
        assertThat(reads.poolSize()).isEqualTo(3);
        assertThat(reads.shadowMaxRows()).isEqualTo(50);
        assertThat(reads.shadowThreads()).isEqualTo(4);
        assertThat(reads.shadowQueueCapacity()).isEqualTo(200);
        assertThat(reads.mismatchLog()).isEqualTo(Paths.get("/var/log/dw/mismatches.jsonl").toAbsolutePath());
        assertThat(reads.maskValues()).isFalse();
    }

    @Test
    void everyRouteAndStickinessIsReadByItsName() throws Exception {
        for (ReadRoute route : ReadRoute.values()) {
            assertThat(reads("  route: " + route.yamlName() + "\n").route()).isEqualTo(route);
        }
        assertThat(List.of(ReadRoute.values())).extracting(ReadRoute::yamlName)
                .containsExactly("primary", "secondary", "split", "shadow");
        assertThat(reads("  sticky: none\n").sticky()).isEqualTo(ReadSticky.NONE);
        assertThat(reads("  sticky: connection\n").sticky()).isEqualTo(ReadSticky.CONNECTION);
    }

    @Test
    void aPercentageTheRouteDoesNotUseIsKeptSoTheNextStepCanBeStaged() throws Exception {
        ReadsConfig staged = reads("  route: shadow\n  secondary-percent: 5\n");
        assertThat(staged.route()).isEqualTo(ReadRoute.SHADOW);
        assertThat(staged.secondaryPercent()).isEqualTo(5);

        ReadsConfig shadowStaged = reads("  route: primary\n  shadow-percent: 1\n");
        assertThat(shadowStaged.shadowPercent()).isEqualTo(1);

        assertThat(reads("  route: split\n  secondary-percent: 0\n").secondaryPercent()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "secondary-percent, 0", "secondary-percent, 100", "shadow-percent, 0", "shadow-percent, 100",
        "read-your-writes-ms, 0", "read-your-writes-ms, 3600000", "pool-size, 1", "pool-size, 1000",
        "shadow-max-rows, 1", "shadow-max-rows, 1000000", "shadow-threads, 1", "shadow-threads, 64",
        "shadow-queue-capacity, 1", "shadow-queue-capacity, 100000"})
    void numbersAtTheLimitsAreAccepted(String key, String value) {
        assertThat(error("  " + key + ": " + value + "\n")).startsWith("parsed: ");
    }

    // ----- mistakes -----

    @ParameterizedTest
    @CsvSource({
        "secondary-percent, -1, 0, 100", "secondary-percent, 101, 0, 100",
        "shadow-percent, -1, 0, 100", "shadow-percent, 101, 0, 100",
        "read-your-writes-ms, -1, 0, 3600000", "read-your-writes-ms, 3600001, 0, 3600000",
        "pool-size, 0, 1, 1000", "pool-size, 1001, 1, 1000",
        "shadow-max-rows, 0, 1, 1000000", "shadow-max-rows, 1000001, 1, 1000000",
        "shadow-threads, 0, 1, 64", "shadow-threads, 65, 1, 64",
        "shadow-queue-capacity, 0, 1, 100000", "shadow-queue-capacity, 100001, 1, 100000"})
    void numbersOutsideTheirRangeNameTheKeyTheLineAndTheRange(String key, String value, int min, int max) {
        assertThat(error("  route: split\n  " + key + ": " + value + "\n")).isEqualTo(SOURCE + " line 7: reads."
                + key + ": " + value + " is out of range; use a whole number from " + min + " to " + max);
    }

    @Test
    void aPercentageIsAWholeNumberWithoutQuotesOrPercentSign() {
        assertThat(error("  secondary-percent: 25%\n")).isEqualTo(SOURCE
                + " line 6: reads.secondary-percent: 25% is not a whole number; use a whole number from 0 to 100");
        assertThat(error("  shadow-percent: 12.5\n")).isEqualTo(SOURCE
                + " line 6: reads.shadow-percent: 12.5 is not a whole number; use a whole number from 0 to 100");
        assertThat(error("  pool-size: \"4\"\n")).isEqualTo(SOURCE + " line 6: reads.pool-size: \"4\" is text in "
                + "quotes, not a number; use a whole number from 1 to 1000 without quotes");
    }

    @Test
    void anUnknownRouteOrStickinessNamesTheChoices() {
        assertThat(error("  route: replica\n")).isEqualTo(SOURCE
                + " line 6: reads.route: replica is not a read route; use one of primary, secondary, split, shadow");
        assertThat(error("  sticky: session\n")).isEqualTo(SOURCE
                + " line 6: reads.sticky: session is not a read stickiness; use one of none, connection");
        assertThat(error("  route: [split]\n")).isEqualTo(SOURCE + " line 6: reads.route: must be a read route, "
                + "not a list; write a single value after route:");
    }

    @Test
    void maskValuesIsABooleanWithoutQuotes() {
        assertThat(error("  mask-values: \"false\"\n")).isEqualTo(SOURCE + " line 6: reads.mask-values: \"false\" is "
                + "text in quotes, not a boolean; use true or false (without quotes)");
        assertThat(error("  mask-values: no\n")).isEqualTo(SOURCE
                + " line 6: reads.mask-values: no is not a boolean; use true or false (without quotes)");
    }

    @Test
    void tablesTakeTheSameGlobListsAsWritesTables() {
        assertThat(error("  tables:\n    include: orders\n")).isEqualTo(SOURCE + " line 7: reads.tables.include: "
                + "must be a list, not text; write a list of table name globs, e.g. [\"orders\", \"order_*\"] "
                + "(* must be quoted)");
        assertThat(error("  tables:\n    exclude: [\"\"]\n")).startsWith(SOURCE
                + " line 7: reads.tables.exclude[0]: is empty;");
        assertThat(error("  tables:\n    includes: [\"a\"]\n")).isEqualTo(SOURCE + " line 7: reads.tables.includes: "
                + "unknown key; allowed under reads.tables: include, exclude");
        assertThat(error("  tables: orders\n")).startsWith(SOURCE
                + " line 6: reads.tables: must be a map of keys, not text;");
    }

    @Test
    void anEmptyMismatchLogIsRejected() {
        assertThat(error("  mismatch-log: \"\"\n")).isEqualTo(SOURCE + " line 6: reads.mismatch-log: is empty; give "
                + "the file mismatches are written to, or leave mismatch-log out for dualwrite-mismatches.jsonl next "
                + "to this file");
        assertThat(error("  mismatch-log: 3\n")).startsWith(SOURCE
                + " line 6: reads.mismatch-log: 3 is a number, not a string;");
    }

    @Test
    void anUnknownKeyUnderReadsListsTheReadsKeys() {
        assertThat(error("  route: split\n  secondary-percentage: 25\n")).isEqualTo(SOURCE
                + " line 7: reads.secondary-percentage: unknown key; allowed under reads: route, secondary-percent, "
                + "shadow-percent, read-your-writes-ms, tables, sticky, pool-size, shadow-max-rows, shadow-threads, "
                + "shadow-queue-capacity, mismatch-log, mask-values");
    }

    @Test
    void readsMustBeAMap() {
        assertThat(error("  - split\n")).startsWith(SOURCE + " line 6: reads: must be a map of keys, not a list;");
    }

    // ----- files -----

    @Test
    void aRelativeMismatchLogIsRelativeToTheConfigFileAsTheJournalIs() throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yaml"), MINIMAL
                + "reads:\n  route: shadow\n  mismatch-log: logs/mismatches.jsonl\n");
        assertThat(ConfigLoader.load(file).reads().mismatchLog())
                .isEqualTo(dir.toAbsolutePath().resolve("logs/mismatches.jsonl"));

        Path leftOut = Files.writeString(dir.resolve("plain.yaml"), MINIMAL);
        assertThat(ConfigLoader.load(leftOut).reads().mismatchLog())
                .isEqualTo(dir.toAbsolutePath().resolve("dualwrite-mismatches.jsonl"));
    }

    // ----- summaries -----

    @Test
    void theStartUpLineSaysWhereReadsGo() throws Exception {
        assertThat(describe("")).endsWith("; reads primary)");
        assertThat(describe("reads:\n  route: secondary\n")).endsWith("; reads secondary)");
        assertThat(describe("reads:\n  route: split\n  secondary-percent: 25\n"))
                .endsWith("; reads split 25% to the secondary)");
        assertThat(describe("reads:\n  route: shadow\n  shadow-percent: 10\n"))
                .endsWith("; reads shadow 10% compared with the secondary)");
    }

    private static String describe(String extra) throws ConfigException {
        return ConfigLoader.parse(MINIMAL + extra, SOURCE, Map.<String, String>of()::get).describe();
    }

    @Test
    void toStringShowsTheShadowLimitsOnlyUnderTheShadowRoute() throws Exception {
        assertThat(reads("  route: split\n  secondary-percent: 25\n")).hasToString("split 25% to the secondary, "
                + "read-your-writes 1000 ms, sticky none, tables include [*] exclude [], pool 10");
        assertThat(reads("  route: shadow\n  mismatch-log: /m.jsonl\n  mask-values: false\n")).hasToString(
                "shadow 100% compared with the secondary (max rows 1000, threads 1, queue 1000, mismatch-log "
                        + Paths.get("/m.jsonl").toAbsolutePath() + ", values shown), read-your-writes 1000 ms, "
                        + "sticky none, tables include [*] exclude [], pool 10");
    }

    @Test
    void equalSettingsAreEqualConfigsAndTheAgentConfigComparesItsReads() throws Exception {
        ReadsConfig defaults = ReadsConfig.defaults(Paths.get("/srv/app"));
        assertThat(defaults.withRoute(ReadRoute.SPLIT).withSecondaryPercent(25))
                .isEqualTo(defaults.withSecondaryPercent(25).withRoute(ReadRoute.SPLIT))
                .hasSameHashCodeAs(defaults.withSecondaryPercent(25).withRoute(ReadRoute.SPLIT))
                .isNotEqualTo(defaults.withRoute(ReadRoute.SPLIT));
        assertThat(defaults.withSticky(ReadSticky.CONNECTION)).isNotEqualTo(defaults);
        assertThat(defaults.withShadowPercent(5).shadowPercent()).isEqualTo(5);
        assertThat(defaults.withReadYourWritesMs(0).readYourWritesMs()).isZero();
        assertThat(defaults.withTables(TableFilter.of(List.of("orders"), List.of())).tables().include())
                .containsExactly("orders");

        AgentConfig primary = ConfigLoader.parse(MINIMAL, SOURCE, Map.<String, String>of()::get);
        AgentConfig split = ConfigLoader.parse(MINIMAL + "reads:\n  route: split\n", SOURCE,
                Map.<String, String>of()::get);
        assertThat(split).isNotEqualTo(primary);
        assertThat(split.toString()).contains("reads=split 0% to the secondary");
    }
}
