package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    /** A distinctive secret: it must never show up in a message, toString() or describe(). */
    private static final String SECRET = "Hunter2-Sekr3t-xyzzy";
    private static final String SOURCE = "/x/dw.yaml";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private Path driverJar;

    @BeforeEach
    void setUp() throws IOException {
        driverJar = Files.write(dir.resolve("mariadb-java-client.jar"), new byte[] {'P', 'K'});
        env.put("SHOP_SECONDARY_PASSWORD", SECRET);
    }

    private static String yaml(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private AgentConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, SOURCE, env::get);
    }

    /** Parses, expects a ConfigException, and checks what every error message must be. */
    private ConfigException failure(String yaml) {
        try {
            AgentConfig config = parse(yaml);
            return fail("expected a ConfigException, got " + config);
        } catch (ConfigException e) {
            assertWellFormed(e);
            return e;
        }
    }

    private static void assertWellFormed(ConfigException e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain(SECRET);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET);
            assertThat(cause.toString()).doesNotContain(SECRET);
        }
    }

    /** The minimal valid file, with the secret as password. */
    private static String minimal(String... extraSecondaryLines) {
        StringBuilder sb = new StringBuilder();
        sb.append("primary:\n");
        sb.append("  url-pattern: \"jdbc:postgresql://127.0.0.1:5432/shop*\"\n");
        sb.append("secondary:\n");
        sb.append("  url: \"jdbc:mariadb://127.0.0.1:3306/shop\"\n");
        sb.append("  password: \"" + SECRET + "\"\n");
        for (String line : extraSecondaryLines) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }

    private String full() {
        return yaml(
                "enabled: true",                                                    // 1
                "primary:",                                                         // 2
                "  url-pattern: \"jdbc:postgresql://127.0.0.1:5432/shop*\"",        // 3
                "secondary:",                                                       // 4
                "  url: \"jdbc:mariadb://127.0.0.1:3306/shop\"",                    // 5
                "  user: shop",                                                     // 6
                "  password: \"${env:SHOP_SECONDARY_PASSWORD}\"",                   // 7
                "  driver-jar: " + driverJar,                                       // 8
                "  properties:",                                                    // 9
                "    useSsl: true",                                                 // 10
                "    sslPassword: \"" + SECRET + "\"",                              // 11
                "    connectTimeout: 300",                                          // 12
                "  pool-size: 8",                                                   // 13
                "  connect-timeout-ms: 1000",                                       // 14
                "  statement-timeout-ms: 2000",                                     // 15
                "writes:",                                                          // 16
                "  mode: sync",                                                     // 17
                "  ddl: true",                                                      // 18
                "  tables:",                                                        // 19
                "    include: [\"orders\", \"order_*\"]",                           // 20
                "    exclude: [\"*_audit\"]");                                      // 21
    }

    // ----- valid files -----

    @Test
    void fullFileWithEveryKeyIsReadIntoTheConfig() throws ConfigException {
        AgentConfig config = parse(full());

        assertThat(config.enabled()).isTrue();
        assertThat(config.primaryUrlPattern().pattern()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop*");
        assertThat(config.primaryUrlPattern().matches("jdbc:postgresql://127.0.0.1:5432/shop?ssl=true")).isTrue();
        assertThat(config.primaryUrlPattern().matches("jdbc:postgresql://127.0.0.1:5432/SHOP")).isFalse();

        SecondaryConfig secondary = config.secondary();
        assertThat(secondary.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/shop");
        assertThat(secondary.user()).isEqualTo("shop");
        assertThat(secondary.password()).isEqualTo(SECRET);
        assertThat(secondary.driverJar()).contains(driverJar);
        assertThat(secondary.poolSize()).isEqualTo(8);
        assertThat(secondary.connectTimeoutMs()).isEqualTo(1000);
        assertThat(secondary.statementTimeoutMs()).isEqualTo(2000);
        Properties properties = secondary.connectionProperties();
        assertThat(properties).containsEntry("useSsl", "true").containsEntry("sslPassword", SECRET)
                .containsEntry("connectTimeout", "300").containsEntry("user", "shop")
                .containsEntry("password", SECRET).hasSize(5);

        WritesConfig writes = config.writes();
        assertThat(writes.mode()).isEqualTo(WriteMode.SYNC);
        assertThat(writes.ddl()).isTrue();
        assertThat(writes.tables().include()).containsExactly("orders", "order_*");
        assertThat(writes.tables().exclude()).containsExactly("*_audit");
        assertThat(writes.tables().includes("public.order_items")).isTrue();
        assertThat(writes.tables().includes("order_audit")).isFalse();
    }

    @Test
    void onlyTheRequiredKeysGiveTheDefaults() throws ConfigException {
        AgentConfig config = parse(yaml(
                "primary:",
                "  url-pattern: jdbc:postgresql://127.0.0.1:5432/shop*",
                "secondary:",
                "  url: jdbc:mariadb://127.0.0.1:3306/shop"));

        assertThat(config.enabled()).isTrue();
        SecondaryConfig secondary = config.secondary();
        assertThat(secondary.user()).isNull();
        assertThat(secondary.password()).isNull();
        assertThat(secondary.driverJar()).isEmpty();
        assertThat(secondary.connectionProperties()).isEmpty();
        assertThat(secondary.poolSize()).isEqualTo(4);
        assertThat(secondary.connectTimeoutMs()).isEqualTo(5000);
        assertThat(secondary.statementTimeoutMs()).isEqualTo(5000);
        assertThat(config.writes().mode()).isEqualTo(WriteMode.SYNC);
        assertThat(config.writes().ddl()).isFalse();
        assertThat(config.writes().tables().include()).containsExactly("*");
        assertThat(config.writes().tables().exclude()).isEmpty();
        assertThat(config.writes().tables().includes(null)).isTrue();
    }

    @Test
    void keysWithoutValueCountAsLeftOut() throws ConfigException {
        AgentConfig config = parse(minimal("user:", "pool-size: ~", "properties:") + yaml(
                "writes:",
                "  tables:",
                "    include:"));
        assertThat(config.secondary().user()).isNull();
        assertThat(config.secondary().poolSize()).isEqualTo(4);
        assertThat(config.writes().tables().include()).containsExactly("*");
    }

    @Test
    void enabledFalseAloneIsAValidFile() throws ConfigException {
        AgentConfig config = parse("enabled: false\n");
        assertThat(config.enabled()).isFalse();
        assertThat(config.primaryUrlPattern()).isNull();
        assertThat(config.secondary()).isNull();
        assertThat(config.writes()).isEqualTo(WritesConfig.defaults());
        assertThat(config.describe()).contains("disabled");
    }

    @Test
    void enabledFalseStillChecksTheRestOfTheFile() {
        ConfigException e = failure(yaml(
                "enabled: false",
                "secondary:",
                "  pool-sise: 3"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: secondary.pool-sise: unknown key;");
    }

    @Test
    void documentMarkersAndCommentsAreFine() throws ConfigException {
        AgentConfig config = parse("# dualwrite\n---\n" + minimal() + "...\n");
        assertThat(config.secondary().password()).isEqualTo(SECRET);
    }

    @Test
    void byteOrderMarkIsIgnored() throws ConfigException {
        assertThat(parse("\uFEFF" + minimal()).enabled()).isTrue();
    }

    // ----- describe / toString -----

    @Test
    void describeSummarisesTheConfigForTheStartUpLine() throws ConfigException {
        AgentConfig config = parse(minimal());
        assertThat(config.describe()).isEqualTo("mirroring writes on connections matching "
                + "jdbc:postgresql://127.0.0.1:5432/shop* to jdbc:mariadb://127.0.0.1:3306/shop "
                + "(sync, on-failure journal, ddl off, tables include [*] exclude []; journal "
                + Paths.get("").toAbsolutePath().resolve("dualwrite-journal") + " (fsync batch); reads primary)");
    }

    @Test
    void describeAndToStringRedactSecretsInUrls() throws ConfigException {
        AgentConfig config = parse(yaml(
                "primary:",
                "  url-pattern: \"jdbc:postgresql://shop:" + SECRET + "@h:5432/shop*\"",
                "secondary:",
                "  url: \"jdbc:mariadb://h:3306/shop?user=shop&password=${env:SHOP_SECONDARY_PASSWORD}\""));
        assertThat(config.secondary().url()).endsWith("password=" + SECRET);
        assertThat(config.secondary().redactedUrl()).isEqualTo("jdbc:mariadb://h:3306/shop?user=shop&password=***");
        assertThat(config.describe()).doesNotContain(SECRET).contains("jdbc:postgresql://shop:***@h:5432/shop*");
        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(config.secondary().toString()).doesNotContain(SECRET);
    }

    @Test
    void passwordAndSecretPropertiesNeverAppearInToStringOrDescribe() throws ConfigException {
        AgentConfig config = parse(full());
        assertThat(config.describe()).doesNotContain(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET).contains("sslPassword=***").contains("useSsl=true");
        assertThat(config.secondary().toString()).doesNotContain(SECRET).contains("password=***");
        assertThat(config.writes().toString()).doesNotContain(SECRET);
    }

    @Test
    void connectionPropertiesAreAFreshCopyEachTime() throws ConfigException {
        SecondaryConfig secondary = parse(full()).secondary();
        Properties first = secondary.connectionProperties();
        first.setProperty("password", "changed");
        first.setProperty("extra", "x");
        assertThat(secondary.connectionProperties()).containsEntry("password", SECRET).doesNotContainKey("extra");
        assertThat(secondary.connectionProperties()).isNotSameAs(secondary.connectionProperties());
    }

    @Test
    void userAndPasswordKeysTakePrecedenceOverPropertiesOfTheSameName() throws ConfigException {
        SecondaryConfig secondary = parse(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:mariadb://h/db",
                "  user: real",
                "  properties:",
                "    user: other")).secondary();
        assertThat(secondary.connectionProperties()).containsEntry("user", "real").doesNotContainKey("password");
    }

    // ----- unknown and duplicate keys -----

    @Test
    void unknownKeyIsRejectedWithItsLineAndTheAllowedKeys() {
        ConfigException e = failure(minimal() + "writer:\n  mode: sync\n");
        assertThat(e.getMessage()).isEqualTo(
                SOURCE + " line 6: writer: unknown key; allowed at the top level: enabled, primary, secondary, writes, reads, journal, metrics, mapping");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.key()).isEqualTo("writer");
        assertThat(e.source()).isEqualTo(SOURCE);
    }

    @Test
    void typoMdoeUnderWritesNamesTheDottedKeyAndTheAllowedKeys() {
        String yaml = full().replace("  mode: sync", "  mdoe: sync");
        ConfigException e = failure(yaml);
        assertThat(e.getMessage()).isEqualTo(
                SOURCE + " line 17: writes.mdoe: unknown key; allowed under writes: mode, on-failure, ddl, tables, queue-capacity, when-full, shutdown-timeout-ms, nondeterministic");
    }

    @Test
    void unknownKeyUnderSecondaryListsTheSecondaryKeys() {
        ConfigException e = failure(minimal("pasword: x"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary.pasword: unknown key; allowed under "
                + "secondary: url, user, password, driver-jar, properties, pool-size, connect-timeout-ms, "
                + "statement-timeout-ms");
    }

    @Test
    void unknownKeyUnderPrimaryAndTablesIsRejected() {
        assertThat(failure(yaml("primary:", "  urls: x", "secondary:", "  url: jdbc:x:y")).getMessage())
                .isEqualTo(SOURCE + " line 2: primary.urls: unknown key; allowed under primary: url-pattern, url, "
                        + "user, password, driver-jar, properties");
        assertThat(failure(minimal() + yaml("writes:", "  tables:", "    includes: [\"a\"]")).getMessage())
                .isEqualTo(SOURCE + " line 8: writes.tables.includes: unknown key; allowed under writes.tables: "
                        + "include, exclude");
    }

    @Test
    void duplicateKeyIsRejectedOnTheLineOfItsSecondOccurrence() {
        ConfigException e = failure(minimal("url: \"jdbc:mariadb://other/db\""));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary.url: duplicate key (first given on "
                + "line 4); give each key only once");
    }

    @Test
    void duplicatePasswordKeyDoesNotEchoEitherValue() {
        ConfigException e = failure(minimal("password: \"" + SECRET + "2\""));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: secondary.password: duplicate key");
    }

    @Test
    void duplicateTopLevelSectionIsRejected() {
        ConfigException e = failure(minimal() + "primary:\n  url-pattern: \"y*\"\n");
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: primary: duplicate key (first given on line 1)");
    }

    // ----- node and scalar types -----

    @Test
    void listWhereAMapIsExpectedIsRejected() {
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  - jdbc:mariadb://h/db"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 4: secondary: must be a map of keys, not a list; "
                + "write its keys indented on the lines below secondary:");
    }

    @Test
    void textWhereAMapIsExpectedIsRejected() {
        ConfigException e = failure(minimal() + "writes: sync\n");
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: writes: must be a map of keys, not text;");
    }

    @Test
    void mapWhereAScalarIsExpectedIsRejected() {
        ConfigException e = failure(minimal("pool-size:", "  min: 1"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 7: secondary.pool-size: must be a whole number, "
                + "not a map; write a single value after pool-size:");
    }

    @Test
    void textWhereAListIsExpectedIsRejected() {
        ConfigException e = failure(minimal() + yaml("writes:", "  tables:", "    include: orders"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 8: writes.tables.include: must be a list, not text;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "True", "1"})
    void onlyTrueAndFalseAreBooleans(String value) {
        ConfigException e = failure(minimal() + yaml("writes:", "  ddl: " + value));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 7: writes.ddl: " + value
                + " is not a boolean; use true or false (without quotes)");
    }

    @Test
    void quotedTrueIsTextNotABoolean() {
        ConfigException e = failure("enabled: \"true\"\n" + minimal());
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 1: enabled: \"true\" is text in quotes, not a boolean;"
                + " use true or false (without quotes)");
    }

    @Test
    void numberWhereTextIsExpectedIsRejected() {
        ConfigException e = failure(minimal("user: 1234"));
        assertThat(e.getMessage()).isEqualTo(
                SOURCE + " line 6: secondary.user: 1234 is a number, not a string; put it in quotes");
    }

    @Test
    void passwordOfTheWrongTypeIsRejectedWithoutEchoingIt() {
        String yaml = yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:mariadb://h/db",
                "  password: 31415926535");
        ConfigException e = failure(yaml);
        assertThat(e.getMessage()).isEqualTo(
                SOURCE + " line 5: secondary.password: must be a string; put the value in quotes");
        assertThat(e.getMessage()).doesNotContain("31415926535");

        ConfigException list = failure(yaml.replace("password: 31415926535", "password: [\"" + SECRET + "\"]"));
        assertThat(list.getMessage()).startsWith(SOURCE + " line 5: secondary.password: must be a string, not a list");
    }

    @Test
    void secretPropertyOfTheWrongTypeIsRejectedWithoutEchoingIt() {
        ConfigException e = failure(minimal("properties:", "  sslPassword: [\"" + SECRET + "\"]"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 7: secondary.properties.sslPassword: must be a single "
                + "value (text, a number or true/false), not a list");
    }

    @Test
    void propertyValuesAreConvertedToStrings() throws ConfigException {
        Properties p = parse(minimal("properties:", "  a: 1", "  b: 2.5", "  c: yes", "  d: false", "  e: text"))
                .secondary().connectionProperties();
        assertThat(p).containsEntry("a", "1").containsEntry("b", "2.5").containsEntry("c", "yes")
                .containsEntry("d", "false").containsEntry("e", "text");
    }

    @Test
    void propertyWithoutValueIsRejected() {
        ConfigException e = failure(minimal("properties:", "  useSsl:"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 7: secondary.properties.useSsl: has no value; "
                + "give a value or leave the property out");
    }

    @Test
    void tableGlobMustBeNonEmptyText() {
        assertThat(failure(minimal() + yaml("writes:", "  tables:", "    exclude: [\"a\", \"\"]")).getMessage())
                .startsWith(SOURCE + " line 8: writes.tables.exclude[1]: is empty;");
        assertThat(failure(minimal() + yaml("writes:", "  tables:", "    include:", "      - 2024")).getMessage())
                .startsWith(SOURCE + " line 9: writes.tables.include[0]: 2024 is a number, not a string;");
    }

    @Test
    void unquotedStarInAListIsAYamlErrorThatSaysToQuote() {
        ConfigException e = failure(minimal() + yaml("writes:", "  tables:", "    include: [*]"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 8: invalid YAML at column");
        assertThat(e.getMessage()).contains("in quotes");
    }

    // ----- numbers -----

    @Test
    void poolSizeZeroIsOutOfRange() {
        ConfigException e = failure(yaml(
                "secondary:",
                "  url: jdbc:mariadb://127.0.0.1:3306/shop",
                "  pool-size: 0",
                "primary:",
                "  url-pattern: \"jdbc:postgresql://*\""));
        assertThat(e.getMessage())
                .isEqualTo("/x/dw.yaml line 3: secondary.pool-size: 0 is out of range; use a whole number from 1 to 256");
    }

    @ParameterizedTest
    @CsvSource({
            "pool-size, 1", "pool-size, 256",
            "connect-timeout-ms, 1", "connect-timeout-ms, 600000",
            "statement-timeout-ms, 1", "statement-timeout-ms, 3600000", "statement-timeout-ms, +7"})
    void numbersAtTheLimitsAreAccepted(String key, String value) throws ConfigException {
        SecondaryConfig secondary = parse(minimal(key + ": " + value)).secondary();
        int expected = Integer.parseInt(value.replace("+", ""));
        int actual = key.equals("pool-size") ? secondary.poolSize()
                : key.equals("connect-timeout-ms") ? secondary.connectTimeoutMs() : secondary.statementTimeoutMs();
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "pool-size, 257, 1, 256", "pool-size, -1, 1, 256",
            "connect-timeout-ms, 0, 1, 600000", "connect-timeout-ms, 600001, 1, 600000",
            "statement-timeout-ms, 3600001, 1, 3600000",
            "statement-timeout-ms, 99999999999999999999999, 1, 3600000"})
    void numbersOutsideTheirRangeAreRejected(String key, String value, int min, int max) {
        ConfigException e = failure(minimal(key + ": " + value));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary." + key + ": " + value
                + " is out of range; use a whole number from " + min + " to " + max);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.5", "1e3", "0x10", "four", "1_000"})
    void numbersMustBeWholeDecimalNumbers(String value) {
        ConfigException e = failure(minimal("pool-size: " + value));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary.pool-size: " + value
                + " is not a whole number; use a whole number from 1 to 256");
    }

    @Test
    void quotedNumberIsRejected() {
        ConfigException e = failure(minimal("pool-size: \"4\""));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary.pool-size: \"4\" is text in quotes, "
                + "not a number; use a whole number from 1 to 256 without quotes");
    }

    // ----- required keys -----

    @Test
    void missingPrimaryIsRejectedWhenEnabled() {
        ConfigException e = failure(yaml("secondary:", "  url: jdbc:mariadb://h/db"));
        assertThat(e.getMessage()).startsWith(SOURCE + ": primary: missing; it is required when enabled is true");
        assertThat(e.line()).isZero();
    }

    @Test
    void missingSecondaryIsRejectedWhenEnabled() {
        ConfigException e = failure(yaml("enabled: true", "primary:", "  url-pattern: \"x*\""));
        assertThat(e.getMessage()).startsWith(SOURCE + ": secondary: missing; it is required when enabled is true");
    }

    @Test
    void missingSecondaryUrlIsReportedOnTheLineOfSecondary() {
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  user: shop",
                "  password: \"" + SECRET + "\""));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: secondary.url: missing; it is required when "
                + "enabled is true");
    }

    @Test
    void missingUrlPatternIsReportedOnTheLineOfPrimary() {
        ConfigException e = failure(yaml("secondary:", "  url: jdbc:x:y", "primary:", "  {}"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: primary.url-pattern: missing;");
    }

    @Test
    void requiredKeyWithoutValueIsRejected() {
        ConfigException primary = failure(yaml("primary:", "secondary:", "  url: jdbc:x:y"));
        assertThat(primary.getMessage()).startsWith(SOURCE + " line 1: primary: has no value;");
        ConfigException url = failure(yaml("primary:", "  url-pattern: \"x*\"", "secondary:", "  url:"));
        assertThat(url.getMessage()).startsWith(SOURCE + " line 4: secondary.url: has no value;");
    }

    @Test
    void emptyUrlPatternIsRejected() {
        ConfigException e = failure(yaml("primary:", "  url-pattern: \"\"", "secondary:", "  url: jdbc:x:y"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 2: primary.url-pattern: is empty;");
    }

    @Test
    void secondaryUrlMustStartWithJdbc() {
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: \"mariadb://h/db?password=" + SECRET + "\""));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 4: secondary.url: mariadb://h/db?password=*** does "
                + "not start with jdbc:; give a JDBC URL, e.g. jdbc:mariadb://127.0.0.1:3306/shop");
    }

    // ----- file-level problems -----

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# only a comment\n", "---\n", "~\n"})
    void emptyFileIsRejectedNamingTheRequiredKeys(String yaml) {
        ConfigException e = failure(yaml);
        assertThat(e.getMessage()).isEqualTo(SOURCE + ": the config file is empty; it needs at least "
                + "primary.url-pattern and secondary.url (or enabled: false to turn the agent off)");
    }

    @Test
    void documentThatIsNotAMapIsRejected() {
        assertThat(failure("- enabled\n- primary\n").getMessage()).isEqualTo(SOURCE + " line 1: the document is a "
                + "list, not a map of keys; the top level must be a map with the keys enabled, primary, secondary, "
                + "writes, reads, journal, metrics, mapping");
        assertThat(failure("\n\njust text\n").getMessage())
                .startsWith(SOURCE + " line 3: the document is text, not a map of keys;");
    }

    @Test
    void yamlSyntaxErrorNamesLineColumnAndProblemOnOneLine() {
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:x:y",
                "  user: a: b"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 5: invalid YAML at column 10: mapping values are not "
                + "allowed here; fix the YAML syntax; put values that contain characters such as : # * & ! { } [ ] "
                + "in quotes");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getCause()).isNull();
    }

    @Test
    void yamlSyntaxErrorOnASecretLineDoesNotQuoteIt() {
        ConfigException unclosed = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:x:y",
                "  password: \"" + SECRET,
                "  user: a"));
        assertThat(unclosed.getMessage()).contains("invalid YAML");
        ConfigException alias = failure(minimal().replace("password: \"" + SECRET + "\"", "password: *" + SECRET));
        assertThat(alias.getMessage()).startsWith(SOURCE + " line 5: invalid YAML at column 13: found an alias");
    }

    @Test
    void yamlErrorsThatWouldQuoteAPartOfTheValueDoNotQuoteIt() {
        ConfigException escape = failure(minimal().replace("password: \"" + SECRET, "password: \"\\x" + SECRET));
        assertThat(escape.getMessage()).startsWith(SOURCE + " line 5: invalid YAML at column 16: expected escape "
                + "sequence of 2 hexadecimal numbers;").doesNotContain("Hu");
        ConfigException tag = failure(minimal().replace("password: \"" + SECRET + "\"", "password: !x!" + SECRET));
        assertThat(tag.getMessage()).startsWith(SOURCE + " line 5: invalid YAML at column 13: found an invalid tag");
    }

    @Test
    void controlCharacterIsAYamlErrorWithItsLineAndColumn() {
        ConfigException e = failure(minimal("user: ab\u0001c"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: invalid YAML at column 11: the file contains the "
                + "character U+0001, which YAML does not allow; remove it, or write it as an escape such as \\u0001 "
                + "inside double quotes");
        ConfigException crlf = failure(minimal("user: ab\u0001c").replace("\n", "\r\n"));
        assertThat(crlf.getMessage()).startsWith(SOURCE + " line 6: invalid YAML at column 11:");
    }

    @Test
    void badIndentationIsAYamlError() {
        ConfigException e = failure(yaml("primary:", "  url-pattern: \"x*\"", " secondary:", "  url: jdbc:x:y"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: invalid YAML at column 2:");
    }

    @Test
    void secondDocumentIsRejected() {
        ConfigException e = failure(minimal() + "---\nenabled: false\n");
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: found a second YAML document; the config file must "
                + "hold a single document; remove the --- line and what follows, or merge the documents");
    }

    @Test
    void anchorsAndAliasesAreRejected() {
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: &u \"x*\"",
                "secondary:",
                "  url: jdbc:x:y",
                "  user: *u"));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 2: primary.url-pattern: uses a YAML anchor (&) or "
                + "alias (*); anchors and aliases are not supported; write the value out in full");
    }

    @Test
    void complexKeyIsRejected() {
        ConfigException e = failure(minimal() + "? [a, b]\n: c\n");
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: has a key that is a list; keys must be plain names");
    }

    // ----- writes.mode -----

    @Test
    void asyncModeCannotFailTheApplicationsStatementsWhichHaveReturned() {
        ConfigException e = failure(minimal() + "writes:\n  mode: async\n  on-failure: fail\n");
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 8: writes.on-failure: fail cannot be combined with "
                + "mode: async, where the application's statement has returned before the secondary sees the write; "
                + "use mode: sync for fail, or on-failure: journal or ignore with async");
    }

    @Test
    void unknownModeIsRejected() {
        ConfigException e = failure(minimal() + "writes:\n  mode: SYNC\n");
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 7: writes.mode: SYNC is not a write mode; use one of sync, async");
    }

    // ----- ${env:} and ${file:} references -----

    @Test
    void environmentReferenceIsReplacedAlsoInsideALongerString() throws ConfigException {
        env.put("DB_USER", "shop");
        env.put("DB_HOST", "10.0.0.5");
        AgentConfig config = parse(yaml(
                "primary:",
                "  url-pattern: \"jdbc:postgresql://${env:DB_HOST}:5432/shop*\"",
                "secondary:",
                "  url: \"jdbc:mariadb://${env:DB_HOST}/shop?user=${env:DB_USER}\"",
                "  user: ${env:DB_USER}",
                "  password: ${env:SHOP_SECONDARY_PASSWORD}"));
        assertThat(config.primaryUrlPattern().pattern()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/shop*");
        assertThat(config.secondary().url()).isEqualTo("jdbc:mariadb://10.0.0.5/shop?user=shop");
        assertThat(config.secondary().user()).isEqualTo("shop");
        assertThat(config.secondary().password()).isEqualTo(SECRET);
    }

    @Test
    void unsetEnvironmentVariableIsNamedWithTheLineOfItsReference() {
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:mariadb://h/db",
                "  user: shop",
                "  password: \"${env:SHOP_PW}\""));
        assertThat(e.getMessage()).isEqualTo(
                SOURCE + " line 6: secondary.password: environment variable SHOP_PW is not set; set it or change the "
                        + "reference");
    }

    @Test
    void environmentVariableMayBeEmpty() throws ConfigException {
        env.put("EMPTY", "");
        assertThat(parse(minimal("properties:", "  a: \"${env:EMPTY}\"")).secondary().connectionProperties())
                .containsEntry("a", "");
    }

    @Test
    void emptyUserAndPasswordCountAsNotGiven() throws ConfigException {
        env.put("EMPTY", "");
        SecondaryConfig secondary = parse(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:x:y",
                "  user: \"\"",
                "  password: \"${env:EMPTY}\"")).secondary();
        assertThat(secondary.user()).isNull();
        assertThat(secondary.password()).isNull();
        assertThat(secondary.connectionProperties()).isEmpty();
    }

    @Test
    void doubleDollarBraceIsALiteralDollarBrace() throws ConfigException {
        AgentConfig config = parse(minimal("user: \"a$${env:X}b\"", "properties:", "  p: \"$x $$y $${z}\""));
        assertThat(config.secondary().user()).isEqualTo("a${env:X}b");
        assertThat(config.secondary().connectionProperties()).containsEntry("p", "$x $$y ${z}");
    }

    @Test
    void referencesWorkInPropertiesAndTableGlobs() throws ConfigException {
        env.put("TABLE", "orders");
        AgentConfig config = parse(minimal("properties:", "  trustStorePassword: \"${env:SHOP_SECONDARY_PASSWORD}\"")
                + yaml("writes:", "  tables:", "    include: [\"${env:TABLE}\"]"));
        assertThat(config.secondary().connectionProperties()).containsEntry("trustStorePassword", SECRET);
        assertThat(config.writes().tables().include()).containsExactly("orders");
    }

    @Test
    void unknownReferenceIsRejected() {
        ConfigException e = failure(minimal("user: \"${sys:user.name}\""));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary.user: has unknown reference "
                + "${sys:user.name}; use ${env:NAME} for an environment variable or ${file:PATH} for a file's "
                + "content, or write $${ for a literal ${");
    }

    @Test
    void unknownOrUnclosedReferenceInAPasswordDoesNotEchoIt() {
        String yaml = yaml("primary:", "  url-pattern: \"x*\"", "secondary:", "  url: jdbc:x:y",
                "  password: \"${" + SECRET + "}\"");
        assertThat(failure(yaml).getMessage()).isEqualTo(SOURCE + " line 5: secondary.password: has an unknown "
                + "reference; use ${env:NAME} for an environment variable or ${file:PATH} for a file's content, or "
                + "write $${ for a literal ${");
        assertThat(failure(yaml.replace("}\"", "\"")).getMessage()).startsWith(SOURCE + " line 5: "
                + "secondary.password: has a ${ reference without a closing }");
    }

    @Test
    void fileReferenceGivesTheContentWithoutOneTrailingNewline() throws IOException, ConfigException {
        Path lf = Files.write(dir.resolve("pw-lf"), (SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        Path crlf = Files.write(dir.resolve("pw-crlf"), (SECRET + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path two = Files.write(dir.resolve("pw-two"), (SECRET + "\n\n").getBytes(StandardCharsets.UTF_8));
        Path none = Files.write(dir.resolve("user"), "shop".getBytes(StandardCharsets.UTF_8));
        AgentConfig config = parse(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: \"jdbc:mariadb://h/db?u=${file:" + none + "}\"",
                "  password: \"${file:" + lf + "}\"",
                "  properties:",
                "    a: \"${file:" + crlf + "}\"",
                "    b: \"${file:" + two + "}\""));
        assertThat(config.secondary().password()).isEqualTo(SECRET);
        assertThat(config.secondary().url()).isEqualTo("jdbc:mariadb://h/db?u=shop");
        assertThat(config.secondary().connectionProperties()).containsEntry("a", SECRET)
                .containsEntry("b", SECRET + "\n");
    }

    @Test
    void missingReferencedFileIsNamedWithoutAnyValue() {
        Path missing = dir.resolve("no-such-secret");
        ConfigException e = failure(yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:x:y",
                "  password: \"${file:" + missing + "}\""));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 5: secondary.password: file " + missing
                + " (from ${file:" + missing + "}) does not exist; create it or change the reference");
    }

    @Test
    void referencedDirectoryIsRejected() {
        ConfigException e = failure(minimal("user: \"${file:" + dir + "}\""));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: secondary.user: file " + dir + " (from ${file:"
                + dir + "}) is a directory;");
    }

    @Test
    void referencesAreNotResolvedInNumbersOrBooleans() {
        env.put("POOL", "8");
        ConfigException e = failure(minimal("pool-size: ${env:POOL}"));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: secondary.pool-size: ${env:POOL} is not a whole number");
    }

    // ----- driver-jar -----

    @Test
    void missingDriverJarIsRejected() {
        Path missing = dir.resolve("missing.jar");
        ConfigException e = failure(minimal("driver-jar: " + missing));
        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 6: secondary.driver-jar: " + missing + " does not "
                + "exist; give the path of the JDBC driver jar, or leave driver-jar out to use the driver on the "
                + "application's class path");
    }

    @Test
    void driverJarThatIsADirectoryIsRejected() {
        ConfigException e = failure(minimal("driver-jar: " + dir));
        assertThat(e.getMessage()).startsWith(SOURCE + " line 6: secondary.driver-jar: " + dir + " is not a file;");
    }

    // ----- loading files -----

    @Test
    void loadReadsTheFileAndResolvesRelativePathsAgainstItsDirectory() throws IOException, ConfigException {
        Files.write(dir.resolve("pw.txt"), (SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("dw.yaml"), yaml(
                "primary:",
                "  url-pattern: \"x*\"",
                "secondary:",
                "  url: jdbc:x:y",
                "  password: ${file:pw.txt}",
                "  driver-jar: mariadb-java-client.jar").getBytes(StandardCharsets.UTF_8));
        AgentConfig config = ConfigLoader.load(file);
        assertThat(config.secondary().password()).isEqualTo(SECRET);
        assertThat(config.secondary().driverJar()).contains(dir.toAbsolutePath().resolve("mariadb-java-client.jar"));
    }

    @Test
    void loadErrorsNameTheFile() throws IOException {
        Path file = Files.write(dir.resolve("dw.yaml"), "enabled: maybe\n".getBytes(StandardCharsets.UTF_8));
        try {
            ConfigLoader.load(file);
            fail("expected a ConfigException");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isEqualTo(file + " line 1: enabled: maybe is not a boolean; use true or false "
                    + "(without quotes)");
        }
    }

    @Test
    void missingFileNamesThePathAndHowTheConfigIsGiven() {
        Path missing = dir.resolve("nope.yaml");
        try {
            ConfigLoader.load(missing);
            fail("expected a ConfigException");
        } catch (ConfigException e) {
            assertWellFormed(e);
            assertThat(e.getMessage()).isEqualTo(missing + ": the config file does not exist; create it or check the "
                    + "path; give the config file with -javaagent:dualwrite-agent.jar=config=PATH, the system "
                    + "property dualwrite.config or the environment variable DUALWRITE_CONFIG");
            assertThat(e.line()).isZero();
        }
        try {
            ConfigLoader.load(new ConfigSource(missing, "system property dualwrite.config"));
            fail("expected a ConfigException");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isEqualTo(missing + ": the config file does not exist (given by system "
                    + "property dualwrite.config); create it or check the system property dualwrite.config");
        }
    }

    @Test
    void directoryInsteadOfAFileIsRejected() {
        try {
            ConfigLoader.load(dir);
            fail("expected a ConfigException");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith(dir + ": the config file is a directory;");
        }
    }

    @Test
    void fileThatIsNotUtf8IsRejected() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'u', 's', 'e', 'r', ':', ' ', (byte) 0xE9});
        try {
            ConfigLoader.load(file);
            fail("expected a ConfigException");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isEqualTo(file + ": the config file is not UTF-8 text; save it as UTF-8");
        }
    }
}
