package io.dualwrite.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyTextTest {

    private final ReconcileFixture fixture = new ReconcileFixture();

    private TablePair pair(String create) throws Exception {
        fixture.both(create);
        String table = create.split(" ")[2];
        return fixture.table(table).pair();
    }

    @Test
    void aNumberKeyIsShownPlain() throws Exception {
        TablePair items = pair("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(10))");

        assertThat(KeyText.render(items, new Object[] {17L}, Side.PRIMARY)).isEqualTo("id=17");
        assertThat(KeyText.json(items, new Object[] {17L}, Side.PRIMARY)).isEqualTo("{\"id\":17}");
    }

    @Test
    void aCompositeKeyShowsEachColumnWithTextInSingleQuotes() throws Exception {
        TablePair entries = pair("CREATE TABLE entries (tenant INT NOT NULL, code VARCHAR(10) NOT NULL, "
                + "label VARCHAR(10), PRIMARY KEY (tenant, code))");
        Object[] key = {3, "a-1"};

        assertThat(KeyText.render(entries, key, Side.PRIMARY)).isEqualTo("tenant=3, code='a-1'");
        assertThat(KeyText.json(entries, key, Side.SECONDARY)).isEqualTo("{\"tenant\":3,\"code\":\"a-1\"}");
    }

    @Test
    void decimalKeysLoseNoDigitsAndGainNoExponent() throws Exception {
        TablePair prices = pair("CREATE TABLE prices (amount NUMERIC(20,2) PRIMARY KEY)");

        assertThat(KeyText.render(prices, new Object[] {new BigDecimal("1.50")}, Side.PRIMARY))
                .isEqualTo("amount=1.5");
        assertThat(KeyText.json(prices, new Object[] {new BigDecimal("1E+3")}, Side.PRIMARY))
                .isEqualTo("{\"amount\":1000}");
    }

    @Test
    void uuidsAreLowerCaseTextAndTimesAreIsoText() throws Exception {
        TablePair tokens = pair("CREATE TABLE tokens (id UUID NOT NULL, at TIMESTAMP NOT NULL, d DATE NOT NULL, "
                + "PRIMARY KEY (id, at, d))");
        UUID id = UUID.fromString("0B9F5D2E-3C4A-4E1B-9F00-AABBCCDDEEFF");
        Object[] key = {id, LocalDateTime.of(2024, 3, 1, 10, 5, 0, 250_000_000), LocalDate.of(2024, 3, 1)};

        assertThat(KeyText.render(tokens, key, Side.PRIMARY))
                .isEqualTo("id='0b9f5d2e-3c4a-4e1b-9f00-aabbccddeeff', at='2024-03-01T10:05:00.250', d='2024-03-01'");
        assertThat(KeyText.json(tokens, key, Side.PRIMARY)).isEqualTo("{\"id\":\"0b9f5d2e-3c4a-4e1b-9f00-aabbccddeeff\","
                + "\"at\":\"2024-03-01T10:05:00.250\",\"d\":\"2024-03-01\"}");
    }

    @Test
    void textIsEscapedInJson() throws Exception {
        TablePair codes = pair("CREATE TABLE codes (code VARCHAR(20) PRIMARY KEY)");

        assertThat(KeyText.json(codes, new Object[] {"a\"b\\c\nd"}, Side.PRIMARY))
                .isEqualTo("{\"code\":\"a\\\"b\\\\c\\nd\"}");
    }

    @Test
    void aVeryLongTextKeyIsShortened() throws Exception {
        TablePair codes = pair("CREATE TABLE codes (code VARCHAR(1000) PRIMARY KEY)");

        String text = KeyText.render(codes, new Object[] {"x".repeat(500)}, Side.PRIMARY);

        assertThat(text).startsWith("code='xxx").endsWith("... (500 chars)'").hasSizeLessThan(250);
    }

    @Test
    void theKeyIsNamedAsThePrimaryNamesIt() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY)");
        fixture.secondary("CREATE TABLE items (\"ID\" INT PRIMARY KEY)");
        TablePair items = fixture.table("items").pair();

        assertThat(KeyText.render(items, new Object[] {5}, Side.SECONDARY)).isEqualTo("id=5");
    }
}
