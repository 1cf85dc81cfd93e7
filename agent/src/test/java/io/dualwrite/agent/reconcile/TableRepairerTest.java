package io.dualwrite.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableRepairerTest {

    private final ReconcileFixture fixture = new ReconcileFixture();

    private List<String> verify(ReconcileTable table) throws Exception {
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        new Reconciler(fixture.primary, fixture.secondary, 1000, () -> false).verify(table, new TableCounts(),
                rows -> { }, difference -> found.add(Seeded.line(difference)));
        return found;
    }

    private List<String> allRows(Database database, Seeded seeded) throws Exception {
        return ReconcileFixture.rows(database, "SELECT * FROM " + seeded.table + " ORDER BY 1, 2");
    }

    @ParameterizedTest
    @EnumSource(Seeded.class)
    void repairMakesTheSecondaryEqualThePrimaryAndCountsWhatItDid(Seeded seeded) throws Exception {
        seeded.createDiffering(fixture);
        ReconcileTable table = fixture.table(seeded.table);
        TableCounts found = new TableCounts();
        RepairCounts repaired = new RepairCounts();
        List<String> stillDifferent = new ArrayList<>();

        boolean complete = new Reconciler(fixture.primary, fixture.secondary, 1000, () -> false).repair(table, found,
                repaired, rows -> { }, difference -> stillDifferent.add(Seeded.line(difference)));

        assertThat(complete).isTrue();
        assertThat(found.differences()).isEqualTo(10);
        assertThat(repaired.inserted()).isEqualTo(3);
        assertThat(repaired.updated()).isEqualTo(5);
        assertThat(repaired.deleted()).isEqualTo(2);
        assertThat(repaired.unchanged()).isZero();
        assertThat(repaired.stillDifferent()).isZero();
        assertThat(stillDifferent).isEmpty();
        assertThat(verify(table)).as("a verification afterwards").isEmpty();
        assertThat(allRows(fixture.secondary, seeded)).hasSize(Seeded.ROWS)
                .containsExactlyElementsOf(allRows(fixture.primary, seeded));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void smallBatchesRepairEveryKeyToo(int chunkSize) throws Exception {
        Seeded.COMPOSITE_KEY.createDiffering(fixture);
        ReconcileTable table = fixture.table("entries");
        RepairCounts repaired = new RepairCounts();

        new Reconciler(fixture.primary, fixture.secondary, chunkSize, () -> false).repair(table, new TableCounts(),
                repaired, rows -> { }, difference -> { });

        assertThat(repaired.inserted() + repaired.updated() + repaired.deleted()).isEqualTo(10);
        assertThat(verify(table)).isEmpty();
    }

    @Test
    void repairingEqualTablesChangesNothing() throws Exception {
        Seeded.INTEGER_KEY.createEqual(fixture);
        RepairCounts repaired = new RepairCounts();
        TableCounts found = new TableCounts();

        new Reconciler(fixture.primary, fixture.secondary, 1000, () -> false).repair(fixture.table("items"), found,
                repaired, rows -> { }, difference -> { });

        assertThat(found.compared()).isEqualTo(Seeded.ROWS);
        assertThat(found.differences()).isZero();
        assertThat(repaired.inserted() + repaired.updated() + repaired.deleted() + repaired.unchanged()).isZero();
    }

    @Test
    void anIgnoredColumnIsCopiedIntoAMissingRowButNotUpdatedInAnExistingOne() throws Exception {
        Seeded.INTEGER_KEY.createDiffering(fixture);
        fixture.secondary("UPDATE items SET secret = 'kept on the secondary' WHERE id = 12");
        ReconcileTable table = fixture.table("items", "items.secret");
        RepairCounts repaired = new RepairCounts();

        new Reconciler(fixture.primary, fixture.secondary, 1000, () -> false).repair(table, new TableCounts(), repaired,
                rows -> { }, difference -> { });

        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT label, secret FROM items WHERE id = 12"))
                .containsExactly("label-12|kept on the secondary");
        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT secret FROM items WHERE id = 10"))
                .containsExactly(ReconcileFixture.SECRET);
        assertThat(verify(table)).isEmpty();
    }

    @Test
    void columnsOnlyOnTheSecondaryKeepTheirDefaultsOnInsertAndTheirValuesOnUpdate() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10))",
                "INSERT INTO items VALUES (1, 'a'), (2, 'b')");
        fixture.secondary("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10), added INT DEFAULT 7)",
                "INSERT INTO items VALUES (2, 'old', 42)");
        RepairCounts repaired = new RepairCounts();

        new Reconciler(fixture.primary, fixture.secondary, 1000, () -> false).repair(fixture.table("items"),
                new TableCounts(), repaired, rows -> { }, difference -> { });

        assertThat(ReconcileFixture.rows(fixture.secondary, "SELECT * FROM items ORDER BY id"))
                .containsExactly("1|a|7", "2|b|42");
        assertThat(repaired.inserted()).isEqualTo(1);
        assertThat(repaired.updated()).isEqualTo(1);
    }

    @Test
    void aKeyFoundDifferentThatIsEqualWhenReadUnderLockIsLeftAsItIs() throws Exception {
        Seeded.INTEGER_KEY.createEqual(fixture);
        fixture.secondary("UPDATE items SET label = 'stale' WHERE id = 4");
        TablePair pair = fixture.table("items").pair();
        Reconciler reconciler = new Reconciler(fixture.primary, fixture.secondary, 10, () -> false);
        RepairCounts repaired = new RepairCounts();
        List<Difference> found = new ArrayList<>();
        new Reconciler(fixture.primary, fixture.secondary, 10, () -> false).verify(fixture.table("items"),
                new TableCounts(), rows -> { }, found::add);
        // the mirror of the write lands between the verification and the repair
        fixture.secondary("UPDATE items SET label = 'label-4' WHERE id = 4");

        try (java.sql.Connection p = fixture.primary.open(); java.sql.Connection s = fixture.secondary.open()) {
            TableReader secondaryReader = reconciler.reader(pair, Side.SECONDARY);
            try (TableRepairer repairer = new TableRepairer(pair, fixture.primary, fixture.secondary,
                    reconciler.reader(pair, Side.PRIMARY), secondaryReader, new RowWriter(pair, secondaryReader,
                    fixture.secondary.names(), fixture.secondary.dialect()), p, s, 10, repaired, difference -> { })) {
                for (Difference difference : found) {
                    repairer.accept(difference);
                }
                repairer.finish();
            }
        }

        assertThat(found).hasSize(1);
        assertThat(repaired.unchanged()).isEqualTo(1);
        assertThat(repaired.updated() + repaired.inserted() + repaired.deleted()).isZero();
    }
}
