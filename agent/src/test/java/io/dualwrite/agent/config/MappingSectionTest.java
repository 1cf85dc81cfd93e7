package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The {@code mapping} section: what a table's mapping holds, and every mistake named with its key and line. */
class MappingSectionTest {

    private static final String SOURCE = "/x/dw.yaml";
    /** Four lines: the mapping section starts on line 5. */
    private static final String MINIMAL = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
            + "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";

    private static MappingConfig mapping(String... lines) throws ConfigException {
        return ConfigLoader.parse(MINIMAL + "mapping:\n" + String.join("\n", lines) + "\n", SOURCE,
                Map.of("ORIGIN", "from-env")::get).mapping();
    }

    private static String error(String... lines) {
        try {
            return "parsed: " + mapping(lines);
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void aFullTableMappingIsReadWithEveryKey() throws ConfigException {
        MappingConfig mapping = mapping(
                "  users:",
                "    table: users_v2",
                "    columns:",
                "      name: full_name",
                "      Email: email_address",
                "    drop: [legacy_flag, old_notes]",
                "    constants:",
                "      origin: migrated",
                "      version: 2",
                "      big: 12345678901",
                "      ratio: 0.25",
                "      active: true",
                "      note: null",
                "      from_env: \"${env:ORIGIN}\"");

        TableMapping users = mapping.forTable("users");
        assertThat(users.table()).isEqualTo("users");
        assertThat(users.secondaryTable()).isEqualTo("users_v2");
        assertThat(users.secondaryColumn("NAME")).isEqualTo("full_name");
        assertThat(users.secondaryColumn("email")).isEqualTo("email_address");
        assertThat(users.secondaryColumn("id")).isEqualTo("id");
        assertThat(users.droppedColumns()).containsExactly("legacy_flag", "old_notes");
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("origin", "migrated");
        constants.put("version", 2);
        constants.put("big", 12345678901L);
        constants.put("ratio", new BigDecimal("0.25"));
        constants.put("active", true);
        constants.put("note", null);
        constants.put("from_env", "from-env");
        assertThat(users.constants()).containsExactlyEntriesOf(constants);
    }

    @Test
    void eachKeyIsOptionalAndTheTableKeepsItsNameWhenNotRenamed() throws ConfigException {
        MappingConfig mapping = mapping("  orders:", "    drop: [notes]", "  shop.items:", "    table: items_v2");

        assertThat(mapping.forTable("ORDERS")).isEqualTo(new TableMapping("orders", "orders",
                Map.of(), new LinkedHashSet<>(Arrays.asList("notes")), Map.of()));
        assertThat(mapping.forTable("shop.items").secondaryTable()).isEqualTo("items_v2");
        assertThat(mapping.forTable("other")).isNull();
    }

    @Test
    void leftOutOrEmptyTheSectionMapsNothing() throws ConfigException {
        assertThat(ConfigLoader.parse(MINIMAL, SOURCE, new HashMap<String, String>()::get).mapping().isEmpty())
                .isTrue();
        assertThat(mapping("").isEmpty()).isTrue();
    }

    @Test
    void aMappingChangeWaitsForTheNextStart() throws ConfigException {
        AgentConfig before = ConfigLoader.parse(MINIMAL, SOURCE, Map.<String, String>of()::get);
        AgentConfig after = ConfigLoader.parse(MINIMAL + "mapping:\n  users:\n    table: users_v2\n", SOURCE,
                Map.<String, String>of()::get);

        ConfigChange change = ConfigChange.between(before, after);

        assertThat(change.needRestart()).containsExactly("mapping");
        assertThat(change.applied()).isEmpty();
    }

    @Test
    void theStartUpLineNamesTheMappedTablesWithoutTheConstantsValues() throws ConfigException {
        AgentConfig config = ConfigLoader.parse(MINIMAL + "mapping:\n  users:\n    table: users_v2\n    columns:\n"
                + "      name: full_name\n    drop: [legacy_flag]\n    constants:\n      origin: \"${env:ORIGIN}\"\n",
                SOURCE, Map.of("ORIGIN", "from-env")::get);

        assertThat(config.describe()).endsWith("; reads primary; mapping [users -> users_v2 (renamed "
                + "{name=full_name}, dropped [legacy_flag], constants [origin])])").doesNotContain("from-env");
    }

    // ----- mistakes -----

    @Test
    void theSectionMustBeAMap() {
        assertThat(error("  - users")).isEqualTo(SOURCE + " line 6: mapping: must be a map of keys, not a list; "
                + "write its keys indented on the lines below mapping:");
    }

    @Test
    void aTableWithoutSettingsIsRejected() {
        assertThat(error("  users:")).isEqualTo(SOURCE + " line 6: mapping.users: has no settings; give at least one "
                + "of table, columns, drop, constants, or remove the entry");
    }

    @Test
    void anUnknownKeyUnderATableListsTheAllowedKeys() {
        assertThat(error("  users:", "    rename:", "      a: b")).isEqualTo(SOURCE + " line 7: mapping.users.rename: "
                + "unknown key; allowed under mapping.users: table, columns, drop, constants");
    }

    @Test
    void theSameTableTwiceInAnotherCaseIsRejected() {
        assertThat(error("  users:", "    table: a", "  USERS:", "    table: b")).isEqualTo(SOURCE + " line 8: "
                + "mapping.USERS: maps the same table as mapping.users (names are compared without regard to case); "
                + "give each primary table once");
    }

    @Test
    void emptyNamesAreRejected() {
        assertThat(error("  users:", "    table: \"\"")).isEqualTo(SOURCE + " line 7: mapping.users.table: is empty; "
                + "give the secondary's name for the table, or leave the key out");
        assertThat(error("  users:", "    table:")).isEqualTo(SOURCE + " line 7: mapping.users.table: is empty; "
                + "give the secondary's name for the table, or leave the key out");
        assertThat(error("  users:", "    columns:", "      name:")).isEqualTo(SOURCE + " line 8: "
                + "mapping.users.columns.name: is empty; give the secondary's name for column name, or leave the key "
                + "out");
        assertThat(error("  users:", "    columns:", "      \"\": x")).isEqualTo(SOURCE + " line 8: "
                + "mapping.users.columns: has an empty key; give each entry a name");
        assertThat(error("  users:", "    drop: [a, \"\"]")).isEqualTo(SOURCE + " line 7: mapping.users.drop[1]: is "
                + "empty; write a list of the primary's column names, e.g. [legacy_flag, old_notes]");
        assertThat(error("  \"\":", "    table: x")).isEqualTo(SOURCE + " line 6: mapping: has an empty key; give "
                + "each entry a name");
    }

    @Test
    void aNameThatIsNotTextIsRejected() {
        assertThat(error("  users:", "    table: 12")).isEqualTo(SOURCE + " line 7: mapping.users.table: 12 is a "
                + "number, not a string; put it in quotes");
    }

    @Test
    void dropMustBeAList() {
        assertThat(error("  users:", "    drop: legacy_flag")).isEqualTo(SOURCE + " line 7: mapping.users.drop: must "
                + "be a list, not text; write a list of the primary's column names, e.g. [legacy_flag, old_notes]");
    }

    @Test
    void aColumnBothRenamedAndDroppedIsRejected() {
        assertThat(error("  users:", "    columns:", "      name: full_name", "    drop: [Name]")).isEqualTo(SOURCE
                + " line 9: mapping.users.drop[0]: Name is also renamed under mapping.users.columns; a column the "
                + "secondary does not have cannot have a new name there: remove it from one of the two");
    }

    @Test
    void twoColumnsRenamedToOneIsRejected() {
        assertThat(error("  users:", "    columns:", "      a: x", "      b: X")).isEqualTo(SOURCE + " line 9: "
                + "mapping.users.columns.b: X is also the new name of mapping.users.columns.a; give each secondary "
                + "column to one primary column only");
    }

    @Test
    void aConstantOnARenameTargetIsRejected() {
        assertThat(error("  users:", "    columns:", "      name: full_name", "    constants:", "      full_name: x"))
                .isEqualTo(SOURCE + " line 10: mapping.users.constants.full_name: full_name is also the new name of "
                        + "mapping.users.columns.name, so each inserted row would set it twice; a constant is for a "
                        + "column only the secondary has: remove the constant or the rename");
    }

    @Test
    void aConstantOnADroppedColumnIsRejected() {
        assertThat(error("  users:", "    drop: [origin]", "    constants:", "      origin: x")).isEqualTo(SOURCE
                + " line 9: mapping.users.constants.origin: origin is also listed under drop, as a column the "
                + "secondary does not have; remove it from one of the two");
    }

    @Test
    void aConstantMustBeOneScalarValue() {
        String remedy = "; write text, a number, true, false or null (quote text that YAML would read otherwise, "
                + "e.g. \"2024-01-01\" or \"yes\")";
        assertThat(error("  users:", "    constants:", "      tags: [a, b]")).isEqualTo(SOURCE + " line 8: "
                + "mapping.users.constants.tags: must be a single value, not a list" + remedy);
        assertThat(error("  users:", "    constants:", "      meta:", "        a: 1")).isEqualTo(SOURCE + " line 9: "
                + "mapping.users.constants.meta: must be a single value, not a map" + remedy);
        assertThat(error("  users:", "    constants:", "      since: 2024-01-01")).isEqualTo(SOURCE + " line 8: "
                + "mapping.users.constants.since: 2024-01-01 is a date that the agent does not bind as a constant"
                + remedy);
        assertThat(error("  users:", "    constants:", "      active: yes")).isEqualTo(SOURCE + " line 8: "
                + "mapping.users.constants.active: yes is a boolean that the agent does not bind as a constant"
                + remedy);
        assertThat(error("  users:", "    constants:", "      mask: 0x1F")).isEqualTo(SOURCE + " line 8: "
                + "mapping.users.constants.mask: 0x1F is a number that the agent does not bind as a constant"
                + remedy);
    }

    @Test
    void aConstantGivenTwiceInAnotherCaseIsRejected() {
        assertThat(error("  users:", "    constants:", "      origin: a", "      ORIGIN: b")).isEqualTo(SOURCE
                + " line 9: mapping.users.constants.ORIGIN: sets a column already set above (names are compared "
                + "without regard to case); give each constant column once");
    }
}
