package io.dualwrite.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.config.TableFilter;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TableSelectionTest {

    private final ReconcileFixture fixture = new ReconcileFixture();

    @Test
    void aTableWithoutAKeyCannotBeReconciledAndSaysWhy() throws Exception {
        fixture.both("CREATE TABLE logs (at TIMESTAMP, message VARCHAR(100))");

        ReconcileTable table = fixture.table("logs");

        assertThat(table.problem()).startsWith("no primary key nor unique key over NOT NULL columns on the primary")
                .contains("add one, or leave the table out with --tables");
        assertThat(table.keyColumns()).isEmpty();
        assertThat(table.unmatchedColumns()).isNull();
    }

    @Test
    void aUniqueKeyOverNullableColumnsIsNoKey() throws Exception {
        fixture.both("CREATE TABLE logs (code VARCHAR(10) UNIQUE, message VARCHAR(100))");

        assertThat(fixture.table("logs").problem()).startsWith("no primary key nor unique key");
    }

    @Test
    void withoutAPrimaryKeyAUniqueKeyOverNotNullColumnsIsTheKey() throws Exception {
        fixture.both("CREATE TABLE accounts (email VARCHAR(100) NOT NULL, tenant INT NOT NULL, name VARCHAR(10), "
                + "CONSTRAINT accounts_email UNIQUE (tenant, email))");

        ReconcileTable table = fixture.table("accounts");

        assertThat(table.problem()).isNull();
        assertThat(table.keyColumns()).containsExactly("tenant", "email");
    }

    @Test
    void theKeyColumnsComeInTheOrderOfThePrimaryKey() throws Exception {
        fixture.both("CREATE TABLE entries (code VARCHAR(5) NOT NULL, tenant INT NOT NULL, PRIMARY KEY (tenant, code))");

        assertThat(fixture.table("entries").keyColumns()).containsExactly("tenant", "code");
    }

    @Test
    void aSecondaryWithoutAKeyOnThePrimarysKeyColumnsIsAProblem() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10))");
        fixture.secondary("CREATE TABLE items (id INT, label VARCHAR(10))");

        assertThat(fixture.table("items").problem())
                .isEqualTo("the secondary has no primary or unique key on [id], the primary's key: its rows could not "
                        + "be told apart");
    }

    @Test
    void aSecondaryWithAUniqueKeyOnThePrimarysKeyColumnsWillDo() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10))");
        fixture.secondary("CREATE TABLE items (surrogate INT PRIMARY KEY, id INT NOT NULL UNIQUE, label VARCHAR(10))");

        ReconcileTable table = fixture.table("items");

        assertThat(table.problem()).isNull();
        assertThat(table.unmatchedColumns()).isEqualTo("only on the secondary: [surrogate]");
    }

    @Test
    void aSecondaryWithoutAKeyColumnIsAProblemNamingIt() throws Exception {
        fixture.primary("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10))");
        fixture.secondary("CREATE TABLE items (item_id INT PRIMARY KEY, label VARCHAR(10))");

        assertThat(fixture.table("items").problem()).isEqualTo("the secondary has no column id, part of the primary's "
                + "key [id]");
    }

    @Test
    void ignoringAKeyColumnIsAProblem() throws Exception {
        fixture.both("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(10))");

        assertThat(fixture.table("items", "items.ID").problem())
                .isEqualTo("--ignore-columns names id, a key column: rows are matched by it");
    }

    @Test
    void anIgnoredColumnMustBeNamedWithItsTable() {
        for (String bad : List.of("badformat", ".label", "items.", "")) {
            assertThatThrownBy(() -> new TableSelection(List.of(), TableFilter.all(), List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--ignore-columns takes table.column, not '" + bad + "'");
        }
    }

    @Test
    void aNamedTableMissingOnASideIsAProblemNamingTheSide() throws Exception {
        fixture.primary("CREATE TABLE only_primary (id INT PRIMARY KEY)");
        fixture.secondary("CREATE TABLE only_secondary (id INT PRIMARY KEY)");

        List<ReconcileTable> tables = fixture.tables(List.of("only_primary", "only_secondary", "nowhere"), List.of());

        assertThat(tables).extracting(ReconcileTable::name, ReconcileTable::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple("only_primary", "no such table on the secondary"),
                org.assertj.core.groups.Tuple.tuple("only_secondary", "no such table on the primary"),
                org.assertj.core.groups.Tuple.tuple("nowhere", "no such table on the primary"));
    }

    @Test
    void withoutNamedTablesEveryTableOnBothSidesThatTheFilterAdmitsIsTaken() throws Exception {
        fixture.both("CREATE TABLE orders (id INT PRIMARY KEY)", "CREATE TABLE customers (id INT PRIMARY KEY)",
                "CREATE TABLE audit_log (id INT PRIMARY KEY)");
        fixture.primary("CREATE TABLE only_primary (id INT PRIMARY KEY)");
        fixture.secondary("CREATE TABLE only_secondary (id INT PRIMARY KEY)");

        List<ReconcileTable> all = new TableSelection(List.of(), TableFilter.all(), List.of())
                .resolve(fixture.primary, fixture.secondary);
        List<ReconcileTable> filtered = new TableSelection(List.of(), TableFilter.of(List.of("*"),
                List.of("audit_*")), List.of()).resolve(fixture.primary, fixture.secondary);

        assertThat(all).extracting(ReconcileTable::name).containsExactly("audit_log", "customers", "orders");
        assertThat(all).allSatisfy(table -> assertThat(table.problem()).isNull());
        assertThat(filtered).extracting(ReconcileTable::name).containsExactly("customers", "orders");
    }

    @Test
    void namedTablesAreMatchedWhateverTheirCaseOnEitherSide() throws Exception {
        fixture.primary("CREATE TABLE orders (id INT PRIMARY KEY)");
        fixture.secondary("CREATE TABLE \"Orders\" (\"Id\" INT PRIMARY KEY)");

        ReconcileTable table = fixture.table("ORDERS");

        assertThat(table.problem()).isNull();
        assertThat(table.name()).as("the primary's name").isEqualTo("orders");
        assertThat(table.pair().secondary.name).isEqualTo("Orders");
    }

    @Test
    void onlyPostgresqlMariadbMysqlAndH2InPostgresqlModeAreWritable() {
        Database h2 = new Database("secondary", new org.h2.Driver(), "jdbc:h2:mem:x", "jdbc:h2:mem:x",
                new Properties());

        assertThat(fixture.secondary.unwritable()).isNull();
        assertThat(h2.unwritable()).isEqualTo("the secondary jdbc:h2:mem:x is not PostgreSQL, MariaDB "
                + "or MySQL: repair and backfill write into those only (verify compares any)");
        assertThat(Dialect.of("jdbc:postgresql://h/db")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("jdbc:mariadb://h/db")).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of("jdbc:mysql://h/db")).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of("jdbc:h2:mem:x;MODE=PostgreSQL")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("jdbc:h2:mem:x;MODE=MySQL")).isEqualTo(Dialect.OTHER);
    }

    @Test
    void mariadbConnectionsCountOnlyInsertedRowsAsAffected() {
        Properties properties = new Properties();
        Dialect.MYSQL.adjust(properties);

        assertThat(properties).containsEntry("useAffectedRows", "true");
        assertThat(Dialect.MYSQL.skipExisting("`id`")).isEqualTo(" ON DUPLICATE KEY UPDATE `id` = `id`");
        assertThat(Dialect.POSTGRESQL.skipExisting("\"id\"")).isEqualTo(" ON CONFLICT DO NOTHING");
    }
}
