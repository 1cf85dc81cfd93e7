package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary's connection keys (url, user, password, driver-jar, properties): read by the verify, repair and
 * backfill commands only, with the same rules as the secondary's keys of the same names.
 */
class PrimaryConnectionConfigTest {

    /** A distinctive secret: it must never show up in a message or toString(). */
    private static final String SECRET = "Hunter2-Sekr3t-xyzzy";
    private static final String SOURCE = "/x/dw.yaml";
    private static final String SECONDARY = "secondary:\n  url: \"jdbc:mariadb://127.0.0.1:3306/shop\"\n";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private Path driverJar;

    @BeforeEach
    void setUp() throws IOException {
        driverJar = Files.write(dir.resolve("postgresql.jar"), new byte[] {'P', 'K'});
        env.put("SHOP_PRIMARY_PASSWORD", SECRET);
    }

    /** A valid file whose primary section has the url-pattern and these lines. */
    private static String primary(String... lines) {
        StringBuilder sb = new StringBuilder("primary:\n  url-pattern: \"jdbc:postgresql://127.0.0.1:5432/shop*\"\n");
        for (String line : lines) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.append(SECONDARY).toString();
    }

    private AgentConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, SOURCE, env::get);
    }

    private PrimaryConnection connection(String... lines) throws ConfigException {
        return parse(primary(lines)).primaryConnection().orElseThrow();
    }

    /** The message of the ConfigException the file gives, checked to show no secret. */
    private String error(String yaml) {
        try {
            return "parsed: " + parse(yaml);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n");
            return e.getMessage();
        }
    }

    // ----- valid files -----

    @Test
    void everyConnectionKeyIsReadIntoThePrimaryConnection() throws ConfigException {
        PrimaryConnection primary = connection(
                "url: \"jdbc:postgresql://127.0.0.1:5432/shop\"",
                "user: app",
                "password: \"${env:SHOP_PRIMARY_PASSWORD}\"",
                "driver-jar: " + driverJar,
                "properties:",
                "  ssl: \"false\"",
                "  sslpassword: \"" + SECRET + "\"",
                "  connectTimeout: 3");

        assertThat(primary.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop");
        assertThat(primary.redactedUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop");
        assertThat(primary.user()).isEqualTo("app");
        assertThat(primary.password()).isEqualTo(SECRET);
        assertThat(primary.driverJar()).contains(driverJar);
        assertThat(primary.connectionProperties()).containsEntry("ssl", "false")
                .containsEntry("sslpassword", SECRET).containsEntry("connectTimeout", "3")
                .containsEntry("user", "app").containsEntry("password", SECRET).hasSize(5);
        assertThat(primary.connectTimeoutMs()).isEqualTo(SecondaryConfig.DEFAULT_CONNECT_TIMEOUT_MS);
    }

    @Test
    void withoutPrimaryUrlThereIsNoPrimaryConnectionAndTheAgentConfigIsAsBefore() throws ConfigException {
        AgentConfig config = parse(primary());
        assertThat(config.primaryConnection()).isEmpty();
        assertThat(config.primaryUrlPattern().pattern()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop*");
        assertThat(config.toString()).contains("primaryConnection=null");
    }

    @Test
    void onlyTheUrlGivesNoUserNoPasswordNoDriverJarAndNoProperties() throws ConfigException {
        PrimaryConnection primary = connection("url: jdbc:postgresql://h/shop", "user:", "properties:");
        assertThat(primary.user()).isNull();
        assertThat(primary.password()).isNull();
        assertThat(primary.driverJar()).isEmpty();
        assertThat(primary.connectionProperties()).isEmpty();
    }

    @Test
    void theConnectionKeysAreReadAlsoWhenTheAgentIsDisabled() throws ConfigException {
        AgentConfig config = parse("enabled: false\nprimary:\n  url: jdbc:postgresql://h/shop\n");
        assertThat(config.enabled()).isFalse();
        assertThat(config.primaryUrlPattern()).isNull();
        assertThat(config.primaryConnection().map(PrimaryConnection::url)).contains("jdbc:postgresql://h/shop");
    }

    @Test
    void urlPatternIsStillRequiredWhenEnabledEvenWithAPrimaryUrl() {
        assertThat(error("primary:\n  url: jdbc:postgresql://h/shop\n" + SECONDARY)).startsWith(SOURCE
                + " line 1: primary.url-pattern: missing; it is required when enabled is true: give a glob");
    }

    @Test
    void emptyUserAndPasswordCountAsNotGivenAsUnderSecondary() throws ConfigException {
        env.put("EMPTY", "");
        PrimaryConnection primary = connection("url: jdbc:postgresql://h/shop", "user: \"\"",
                "password: \"${env:EMPTY}\"");
        assertThat(primary.user()).isNull();
        assertThat(primary.password()).isNull();
        assertThat(primary.connectionProperties()).isEmpty();
    }

    @Test
    void userAndPasswordKeysTakePrecedenceOverPropertiesOfTheSameName() throws ConfigException {
        PrimaryConnection primary = connection("url: jdbc:postgresql://h/shop", "user: real", "properties:",
                "  user: other");
        assertThat(primary.connectionProperties()).containsEntry("user", "real").doesNotContainKey("password");
    }

    @Test
    void secretReferencesWorkForThePasswordTheUserAndTheProperties() throws ConfigException, IOException {
        Path pw = Files.write(dir.resolve("pw"), (SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        env.put("PRIMARY_USER", "app");
        PrimaryConnection primary = connection("url: \"jdbc:postgresql://h/shop?user=${env:PRIMARY_USER}\"",
                "user: \"${env:PRIMARY_USER}\"", "password: \"${file:" + pw + "}\"", "properties:",
                "  sslpassword: \"${env:SHOP_PRIMARY_PASSWORD}\"");
        assertThat(primary.url()).isEqualTo("jdbc:postgresql://h/shop?user=app");
        assertThat(primary.user()).isEqualTo("app");
        assertThat(primary.password()).isEqualTo(SECRET);
        assertThat(primary.connectionProperties()).containsEntry("sslpassword", SECRET);
    }

    @Test
    void aRelativeDriverJarIsRelativeToTheConfigFilesDirectory() throws IOException, ConfigException {
        Path file = Files.write(dir.resolve("dw.yaml"),
                primary("url: jdbc:postgresql://h/shop", "driver-jar: postgresql.jar")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigLoader.load(file).primaryConnection().orElseThrow().driverJar())
                .contains(dir.toAbsolutePath().resolve("postgresql.jar"));
    }

    // ----- secrets -----

    @Test
    void passwordAndSecretsInTheUrlAndPropertiesNeverAppearInToStringOrDescribe() throws ConfigException {
        AgentConfig config = parse(primary(
                "url: \"jdbc:postgresql://app:" + SECRET + "@h:5432/shop?password=" + SECRET + "\"",
                "user: app",
                "password: \"" + SECRET + "\"",
                "properties:",
                "  sslpassword: \"" + SECRET + "\"",
                "  ssl: \"true\""));
        PrimaryConnection primary = config.primaryConnection().orElseThrow();
        assertThat(primary.redactedUrl()).isEqualTo("jdbc:postgresql://app:***@h:5432/shop?password=***");
        assertThat(primary.toString()).isEqualTo("PrimaryConnection{url=jdbc:postgresql://app:***@h:5432/shop"
                + "?password=***, user=app, password=***, driverJar=(class path), properties={sslpassword=***, "
                + "ssl=true}}");
        assertThat(config.toString()).doesNotContain(SECRET).contains("primaryConnection=PrimaryConnection{");
        assertThat(config.describe()).doesNotContain(SECRET);
    }

    @Test
    void theSecondarysToStringIsUnchangedByTheSharedCode() throws ConfigException {
        SecondaryConfig secondary = new SecondaryConfig("jdbc:mariadb://h/db", "u", SECRET, null,
                Map.of("trustStorePassword", SECRET), 4, 5000, 5000);
        assertThat(secondary.toString()).isEqualTo("SecondaryConfig{url=jdbc:mariadb://h/db, user=u, password=***, "
                + "driverJar=(application class path), properties={trustStorePassword=***}, poolSize=4, "
                + "connectTimeoutMs=5000, statementTimeoutMs=5000}");
    }

    // ----- errors -----

    @Test
    void aUrlThatIsNotJdbcIsRejectedNamingTheKeyAndLineWithoutItsSecrets() {
        assertThat(error(primary("url: \"postgresql://h/shop?password=" + SECRET + "\""))).isEqualTo(SOURCE
                + " line 3: primary.url: postgresql://h/shop?password=*** does not start with jdbc:; give a JDBC "
                + "URL, e.g. jdbc:postgresql://127.0.0.1:5432/shop");
    }

    @Test
    void aUrlThatIsNotTextIsRejected() {
        assertThat(error(primary("url: 5432"))).isEqualTo(SOURCE
                + " line 3: primary.url: 5432 is a number, not a string; put it in quotes");
    }

    @Test
    void aPasswordOfTheWrongTypeOrWithABadReferenceIsRejectedWithoutEchoingIt() {
        assertThat(error(primary("url: jdbc:postgresql://h/shop", "password: 31415926535"))).isEqualTo(SOURCE
                + " line 4: primary.password: must be a string; put the value in quotes");
        assertThat(error(primary("url: jdbc:postgresql://h/shop", "password: \"${" + SECRET + "}\"")))
                .startsWith(SOURCE + " line 4: primary.password: has an unknown reference;");
        assertThat(error(primary("url: jdbc:postgresql://h/shop", "password: \"${env:UNSET}\"")))
                .startsWith(SOURCE + " line 4: primary.password: ").contains("UNSET");
    }

    @Test
    void aSecretPropertyOfTheWrongTypeIsRejectedWithoutEchoingIt() {
        assertThat(error(primary("url: jdbc:postgresql://h/shop", "properties:",
                "  sslpassword: [\"" + SECRET + "\"]"))).startsWith(SOURCE + " line 5: "
                + "primary.properties.sslpassword: must be a single value (text, a number or true/false), not a list");
    }

    @Test
    void aMissingDriverJarIsRejected() {
        Path missing = dir.resolve("missing.jar");
        assertThat(error(primary("url: jdbc:postgresql://h/shop", "driver-jar: " + missing))).isEqualTo(SOURCE
                + " line 4: primary.driver-jar: " + missing + " does not exist; give the path of the JDBC driver "
                + "jar, or leave driver-jar out when the driver is on the class path");
    }

    @Test
    void anUnknownKeyUnderPrimaryIsStillRejectedListingTheNewKeys() {
        assertThat(error(primary("pasword: x"))).isEqualTo(SOURCE + " line 3: primary.pasword: unknown key; "
                + "allowed under primary: url-pattern, url, user, password, driver-jar, properties");
        assertThat(error(primary("pool-size: 2"))).startsWith(SOURCE + " line 3: primary.pool-size: unknown key;");
    }

    @Test
    void theConstructorRejectsAUrlThatIsNotJdbcWithoutShowingIt() {
        assertThatThrownBy(() -> new PrimaryConnection("postgresql://h/db?password=" + SECRET, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessage("url must start with jdbc:");
    }

    // ----- equality and the endpoint interface -----

    @Test
    void thePrimaryConnectionTakesPartInEquality() throws ConfigException {
        String url = "url: jdbc:postgresql://h/shop";
        assertThat(parse(primary(url, "password: a"))).isEqualTo(parse(primary(url, "password: a")))
                .hasSameHashCodeAs(parse(primary(url, "password: a")));
        assertThat(parse(primary(url, "password: a"))).isNotEqualTo(parse(primary(url, "password: b")));
        assertThat(parse(primary(url))).isNotEqualTo(parse(primary()));
        assertThat(new PrimaryConnection("jdbc:x:y", "u", null, null, Map.of("a", "1")))
                .isEqualTo(new PrimaryConnection("jdbc:x:y", "u", null, null, Map.of("a", "1")));
    }

    @Test
    void bothDatabasesAreEndpointsThatConnectTheSameWay() throws ConfigException {
        AgentConfig config = parse("primary:\n  url-pattern: \"x*\"\n  url: jdbc:postgresql://h/shop\n"
                + "  user: app\n  properties:\n    ssl: \"false\"\n"
                + "secondary:\n  url: jdbc:mariadb://h/shop\n  user: app\n  properties:\n    ssl: \"false\"\n"
                + "  connect-timeout-ms: 700\n");
        List<DatabaseEndpoint> endpoints = List.of(config.primaryConnection().orElseThrow(), config.secondary());
        assertThat(endpoints).extracting(DatabaseEndpoint::url)
                .containsExactly("jdbc:postgresql://h/shop", "jdbc:mariadb://h/shop");
        assertThat(endpoints).extracting(DatabaseEndpoint::connectionProperties)
                .allSatisfy(p -> assertThat(p).containsEntry("user", "app").containsEntry("ssl", "false").hasSize(2));
        assertThat(endpoints).extracting(DatabaseEndpoint::connectTimeoutMs).containsExactly(5000, 700);
    }
}
