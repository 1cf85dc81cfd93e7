package io.dualwrite.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableVerifierTest {

    private final ReconcileFixture fixture = new ReconcileFixture();

    /** The table's confirmed differences, sorted, as {@link Seeded#line} renders them. */
    private List<String> verify(ReconcileTable table, int chunkSize, TableCounts counts) throws Exception {
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        boolean complete = new Reconciler(fixture.primary, fixture.secondary, chunkSize, () -> false)
                .verify(table, counts, rows -> { }, difference -> found.add(Seeded.line(difference)));
        assertThat(complete).as("not stopped, so complete").isTrue();
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(null);
        return sorted;
    }

    @ParameterizedTest
    @EnumSource(Seeded.class)
    void findsExactlyTheSeededMissingExtraAndDifferentRows(Seeded seeded) throws Exception {
        seeded.createDiffering(fixture);
        ReconcileTable table = fixture.table(seeded.table);
        TableCounts counts = new TableCounts();

        List<String> found = verify(table, 1000, counts);

        assertThat(table.problem()).isNull();
        assertThat(KeyOrder.of(table.pair()) != null).as("merged in key order rather than looked up")
                .isEqualTo(seeded.merged);
        assertThat(found).containsExactlyElementsOf(seeded.expected());
        assertThat(counts.compared()).as("every primary row compared").isEqualTo(Seeded.ROWS);
        assertThat(counts.missing()).isEqualTo(3);
        assertThat(counts.extra()).isEqualTo(2);
        assertThat(counts.different()).isEqualTo(5);
        assertThat(counts.differences()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void chunksOfAnySizeFindTheSameDifferencesWhenMergingInKeyOrder(int chunkSize) throws Exception {
        Seeded.INTEGER_KEY.createDiffering(fixture);
        TableCounts counts = new TableCounts();

        List<String> found = verify(fixture.table("items"), chunkSize, counts);

        assertThat(found).containsExactlyElementsOf(Seeded.INTEGER_KEY.expected());
        assertThat(counts.compared()).isEqualTo(Seeded.ROWS);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void chunksOfAnySizeFindTheSameDifferencesWhenLookingUpCompositeKeys(int chunkSize) throws Exception {
        Seeded.COMPOSITE_KEY.createDiffering(fixture);
        TableCounts counts = new TableCounts();

        List<String> found = verify(fixture.table("entries"), chunkSize, counts);

        assertThat(found).containsExactlyElementsOf(Seeded.COMPOSITE_KEY.expected());
        assertThat(counts.compared()).isEqualTo(Seeded.ROWS);
    }

    @ParameterizedTest
    @EnumSource(Seeded.class)
    void equalTablesHaveNoDifferenceAndEveryRowIsCounted(Seeded seeded) throws Exception {
        seeded.createEqual(fixture);
        TableCounts counts = new TableCounts();
        AtomicLong told = new AtomicLong();

        List<String> found = new ArrayList<>();
        new Reconciler(fixture.primary, fixture.secondary, 3, () -> false).verify(fixture.table(seeded.table), counts,
                told::addAndGet, difference -> found.add(Seeded.line(difference)));

        assertThat(found).isEmpty();
        assertThat(counts.compared()).isEqualTo(Seeded.ROWS);
        assertThat(told).as("progress hears of every row compared").hasValue(Seeded.ROWS);
        assertThat(counts.differences()).isZero();
    }

    @Test
    void emptyTablesAreEqual() throws Exception {
        fixture.both(Seeded.INTEGER_KEY.create());
        TableCounts counts = new TableCounts();

        assertThat(verify(fixture.table("items"), 10, counts)).isEmpty();
        assertThat(counts.compared()).isZero();
    }

    @Test
    void aTableEmptyOnOneSideIsAllMissingOrAllExtra() throws Exception {
        fixture.both(Seeded.INTEGER_KEY.create());
        fixture.primary(Seeded.INTEGER_KEY.insert(1), Seeded.INTEGER_KEY.insert(2));

        assertThat(verify(fixture.table("items"), 1, new TableCounts())).containsExactly("missing id=1", "missing id=2");

        fixture.primary("DELETE FROM items");
        fixture.secondary(Seeded.INTEGER_KEY.insert(5));
        assertThat(verify(fixture.table("items"), 1, new TableCounts())).containsExactly("extra id=5");
    }

    @ParameterizedTest
    @EnumSource(Seeded.class)
    void ignoredColumnsAreNotCompared(Seeded seeded) throws Exception {
        seeded.createDiffering(fixture);
        ReconcileTable table = fixture.table(seeded.table, seeded.table + ".label", seeded.table.toUpperCase() + ".AT");

        List<String> found = verify(table, 1000, new TableCounts());

        assertThat(found).containsExactlyInAnyOrder(
                "missing " + seeded.text(1), "missing " + seeded.text(10), "missing " + seeded.text(20),
                "extra " + seeded.text(0), "extra " + seeded.text(21),
                "different " + seeded.text(3) + ": note",
                "different " + seeded.text(8) + ": note",
                "different " + seeded.text(12) + ": amount");
    }

    @Test
    void ignoredColumnsOfAnotherTableDoNotApply() throws Exception {
        Seeded.INTEGER_KEY.createDiffering(fixture);

        assertThat(verify(fixture.table("items", "tags.label", "other.at"), 1000, new TableCounts()))
                .containsExactlyElementsOf(Seeded.INTEGER_KEY.expected());
    }

    @Test
    void differingColumnsAreNamedAsThePrimaryNamesThemWhateverTheSecondarysCase() throws Exception {
        fixture.primary("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(50), amount INT)",
                "INSERT INTO items VALUES (1, 'a', 1), (2, 'b', 2)");
        fixture.secondary("CREATE TABLE items (\"ID\" BIGINT PRIMARY KEY, \"Label\" VARCHAR(50), \"AMOUNT\" INT)",
                "INSERT INTO items VALUES (1, 'a', 1), (2, 'B', 3)");

        assertThat(verify(fixture.table("items"), 10, new TableCounts()))
                .containsExactly("different id=2: label, amount");
    }

    @Test
    void nullAndAnEmptyStringAreDifferentButEqualNullsAreNot() throws Exception {
        fixture.both("CREATE TABLE items (id INT PRIMARY KEY, a VARCHAR(10), b VARCHAR(10), c VARCHAR(10))");
        fixture.primary("INSERT INTO items VALUES (1, NULL, '', NULL), (2, NULL, NULL, 'x')");
        fixture.secondary("INSERT INTO items VALUES (1, '', NULL, NULL), (2, NULL, NULL, 'x')");

        assertThat(verify(fixture.table("items"), 10, new TableCounts())).containsExactly("different id=1: a, b");
    }

    @Test
    void valuesEqualInSubstanceButNotInFormAreEqual() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY, amount NUMERIC(10,2), flag BOOLEAN, "
                + "at TIMESTAMP(6), code CHAR(5))",
                "INSERT INTO items VALUES (1, 1.50, TRUE, TIMESTAMP '2024-01-01 10:00:00.123456', 'ab')");
        fixture.secondary("CREATE TABLE items (id BIGINT PRIMARY KEY, amount NUMERIC(12,4), flag SMALLINT, "
                + "at TIMESTAMP(3), code VARCHAR(5))",
                "INSERT INTO items VALUES (1, 1.5, 1, TIMESTAMP '2024-01-01 10:00:00.123', 'ab')");

        assertThat(verify(fixture.table("items"), 10, new TableCounts())).isEmpty();
    }

    @Test
    void columnsOnlyOneSideHasAreListedAndNotCompared() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10), legacy VARCHAR(10))",
                "INSERT INTO items VALUES (1, 'a', 'old')");
        fixture.secondary("CREATE TABLE items (id INT PRIMARY KEY, added INT, label VARCHAR(10), extra2 INT)",
                "INSERT INTO items VALUES (1, 7, 'a', 8)");
        ReconcileTable table = fixture.table("items");

        assertThat(table.unmatchedColumns())
                .isEqualTo("only on the primary: [legacy]; only on the secondary: [added, extra2]");
        assertThat(verify(table, 10, new TableCounts())).isEmpty();
    }

    @Test
    void aTableWhoseColumnsMatchHasNoUnmatchedColumns() throws Exception {
        Seeded.INTEGER_KEY.createEqual(fixture);

        assertThat(fixture.table("items").unmatchedColumns()).isNull();
    }

    @Test
    void aStopRequestedEndsVerificationEarlyAndSaysItIsIncomplete() throws Exception {
        Seeded.INTEGER_KEY.createEqual(fixture);
        TableCounts counts = new TableCounts();

        boolean complete = new Reconciler(fixture.primary, fixture.secondary, 5, () -> true)
                .verify(fixture.table("items"), counts, rows -> { }, difference -> { });

        assertThat(complete).isFalse();
        assertThat(counts.compared()).isLessThan(Seeded.ROWS);
    }

    @Test
    void aStopRequestedEndsTheLookupPassesEarlyToo() throws Exception {
        Seeded.VARCHAR_KEY.createEqual(fixture);

        boolean complete = new Reconciler(fixture.primary, fixture.secondary, 5, () -> true)
                .verify(fixture.table("tags"), new TableCounts(), rows -> { }, difference -> { });

        assertThat(complete).isFalse();
    }

    @Test
    void aKeyOfNumbersOrDatesIsMergedAndAKeyWithTextIsLookedUp() throws Exception {
        fixture.both("CREATE TABLE by_day (d DATE PRIMARY KEY, n INT)",
                "CREATE TABLE by_uuid (id UUID PRIMARY KEY, n INT)",
                "CREATE TABLE by_int_and_text (a INT NOT NULL, b VARCHAR(5) NOT NULL, PRIMARY KEY (a, b))",
                "CREATE TABLE by_ints (a INT NOT NULL, b BIGINT NOT NULL, PRIMARY KEY (a, b))");

        assertThat(KeyOrder.of(fixture.table("by_day").pair())).isNotNull();
        assertThat(KeyOrder.of(fixture.table("by_ints").pair())).isNotNull();
        assertThat(KeyOrder.of(fixture.table("by_uuid").pair())).isNull();
        assertThat(KeyOrder.of(fixture.table("by_int_and_text").pair())).isNull();
    }

    @Test
    void aRowChangedBackBeforeTheRecheckIsNotReported() throws Exception {
        Seeded.INTEGER_KEY.createEqual(fixture);
        fixture.secondary("UPDATE items SET label = 'in flight' WHERE id = 4");
        List<String> found = new ArrayList<>();

        // the mirror of the write lands while the suspected key waits to be read again
        new Reconciler(fixture.primary, fixture.secondary, 1000, () -> false).verify(fixture.table("items"),
                new TableCounts(), rows -> {
                    try {
                        fixture.secondary("UPDATE items SET label = 'label-4' WHERE id = 4");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, difference -> found.add(Seeded.line(difference)));

        assertThat(found).isEmpty();
    }

    @Test
    void dateAndTimestampKeysAreMergedInKeyOrder() throws Exception {
        fixture.both("CREATE TABLE by_day (d DATE PRIMARY KEY, n INT)",
                "CREATE TABLE by_time (at TIMESTAMP PRIMARY KEY, n INT)",
                "INSERT INTO by_day VALUES (DATE '2024-01-02', 2), (DATE '2024-01-03', 3), (DATE '2024-02-01', 4)",
                "INSERT INTO by_time VALUES (TIMESTAMP '2024-01-01 10:00:00', 1), (TIMESTAMP '2024-01-01 10:00:01', 2)");
        fixture.primary("INSERT INTO by_day VALUES (DATE '2023-12-31', 1)",
                "INSERT INTO by_time VALUES (TIMESTAMP '2024-01-01 09:59:59.5', 0)");
        fixture.secondary("UPDATE by_day SET n = 30 WHERE d = DATE '2024-01-03'",
                "INSERT INTO by_day VALUES (DATE '2024-01-10', 9)",
                "INSERT INTO by_time VALUES (TIMESTAMP '2024-01-01 10:00:00.5', 9)");

        assertThat(verify(fixture.table("by_day"), 2, new TableCounts())).containsExactly(
                "different d='2024-01-03': n", "extra d='2024-01-10'", "missing d='2023-12-31'");
        assertThat(verify(fixture.table("by_time"), 1, new TableCounts())).containsExactly(
                "extra at='2024-01-01T10:00:00.500'", "missing at='2024-01-01T09:59:59.500'");
    }
}
