package io.dualwrite.agent.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void placeholdersAreNamedInOrder() {
        assertThat(Placeholders.name("UPDATE t SET a = ?, b = ? WHERE id = ?", SqlDialect.POSTGRESQL))
                .isEqualTo("UPDATE t SET a = :dw_p1, b = :dw_p2 WHERE id = :dw_p3");
    }

    @Test
    void aTextWithoutPlaceholdersIsReturnedAsItIs() {
        String sql = "DELETE FROM t WHERE id = 1";
        assertThat(Placeholders.name(sql, SqlDialect.MYSQL)).isSameAs(sql);
    }

    @Test
    void questionMarksInQuotesAndCommentsAreNotPlaceholders() {
        assertThat(Placeholders.name("INSERT INTO \"a?\" VALUES ('?', ?, $$?$$, $q$ ? $q$) -- ?\n/* ? */ RETURNING ?",
                SqlDialect.POSTGRESQL))
                .isEqualTo("INSERT INTO \"a?\" VALUES ('?', :dw_p1, $$?$$, $q$ ? $q$) -- ?\n/* ? */ RETURNING :dw_p2");
        assertThat(Placeholders.name("INSERT INTO `a?` VALUES ('it\\'s ?', \"say \\\"?\\\"\", ?) # ?",
                SqlDialect.MYSQL))
                .isEqualTo("INSERT INTO `a?` VALUES ('it\\'s ?', \"say \\\"?\\\"\", :dw_p1) # ?");
    }

    @Test
    void backslashEndsNoPostgresqlStandardStringButEscapesInAnEscapeString() {
        assertThat(Placeholders.name("VALUES ('a\\', ?, E'b\\' ?', ?)", SqlDialect.POSTGRESQL))
                .isEqualTo("VALUES ('a\\', :dw_p1, E'b\\' ?', :dw_p2)");
    }

    @Test
    void doubleDashStartsAMariadbCommentOnlyBeforeASpace() {
        assertThat(Placeholders.name("UPDATE t SET a = a--? \nWHERE id = ?", SqlDialect.MYSQL))
                .isEqualTo("UPDATE t SET a = a--:dw_p1 \nWHERE id = :dw_p2");
        assertThat(Placeholders.name("UPDATE t SET a = ? -- ?\nWHERE id = ?", SqlDialect.MYSQL))
                .isEqualTo("UPDATE t SET a = :dw_p1 -- ?\nWHERE id = :dw_p2");
    }

    @Test
    void aPlaceholderFollowedByACastKeepsTheCast() {
        assertThat(Placeholders.name("SELECT ?::int, $1", SqlDialect.POSTGRESQL)).isEqualTo("SELECT :dw_p1::int, $1");
        Placeholders.Unnamed unnamed = Placeholders.unname("SELECT :dw_p1::int", SqlDialect.POSTGRESQL);
        assertThat(unnamed.sql).isEqualTo("SELECT ?::int");
        assertThat(unnamed.sources).containsExactly(1);
    }

    @Test
    void unnamingRecordsWhereEachValueComesFrom() {
        Placeholders.Unnamed unnamed = Placeholders.unname(
                "INSERT INTO t (a, b, c, d) VALUES (:dw_p2, :dw_c1, ':dw_p9', :dw_p1) -- "
                        + ":dw_p3", SqlDialect.POSTGRESQL);
        assertThat(unnamed.sql).isEqualTo("INSERT INTO t (a, b, c, d) VALUES (?, ?, ':dw_p9', ?) -- :dw_p3");
        assertThat(unnamed.sources).containsExactly(2, -1, 1);
    }

    @Test
    void namesThatOnlyStartLikeAMarkerStayAsTheyAre() {
        Placeholders.Unnamed unnamed = Placeholders.unname("UPDATE t SET a = :dw_p1x, b = :dw_pa, c = :dw_p12",
                SqlDialect.MYSQL);
        assertThat(unnamed.sql).isEqualTo("UPDATE t SET a = :dw_p1x, b = :dw_pa, c = ?");
        assertThat(unnamed.sources).containsExactly(12);
    }
}
