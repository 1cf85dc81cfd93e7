package io.dualwrite.agent.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysResultSetTest {

    private final Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Statement.class}, (proxy, method, args) -> null);

    private ResultSet keys(Object... ids) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Object id : ids) {
            rows.add(new Object[] {id});
        }
        return KeysResultSet.of(CopiedKeys.of(List.of("insert_id"), rows, null), statement);
    }

    @Test
    void theCopiedKeysReadForwardWithTheGettersAnApplicationUses() throws SQLException {
        ResultSet rs = keys(BigInteger.valueOf(7), BigInteger.valueOf(8));

        assertThat(rs.isBeforeFirst()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(7L);
        assertThat(rs.getInt("INSERT_ID")).isEqualTo(7);
        assertThat(rs.getObject(1)).isEqualTo(BigInteger.valueOf(7));
        assertThat(rs.getObject(1, Long.class)).isEqualTo(7L);
        assertThat(rs.getString(1)).isEqualTo("7");
        assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("7"));
        assertThat(rs.wasNull()).isFalse();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getRow()).isEqualTo(2);
        assertThat(rs.isLast()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(8L);
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
        assertThat(rs.getStatement()).isSameAs(statement);
        assertThat(rs.findColumn("insert_id")).isEqualTo(1);
    }

    @Test
    void aNullKeyReadsAsZeroAndIsReportedByWasNull() throws SQLException {
        ResultSet rs = keys((Object) null);
        rs.next();

        assertThat(rs.getLong(1)).isZero();
        assertThat(rs.wasNull()).isTrue();
    }

    @Test
    void misuseFailsAsADriverWouldWithAnSqlException() throws SQLException {
        ResultSet rs = keys(1);

        assertThatThrownBy(() -> rs.getLong(1)).isInstanceOf(SQLException.class).hasMessageContaining("not on a row");
        rs.next();
        assertThatThrownBy(() -> rs.getLong(2)).isInstanceOf(SQLException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> rs.getLong("id")).isInstanceOf(SQLException.class).hasMessageContaining("insert_id");
        assertThatThrownBy(rs::previous).isInstanceOf(SQLFeatureNotSupportedException.class);
        rs.close();
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55000"));
    }

    @Test
    void theEmptyAnswerHasNoColumnsAndNoRows() throws SQLException {
        ResultSet rs = KeysResultSet.empty(statement);

        assertThat(rs.getMetaData().getColumnCount()).isZero();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isBeforeFirst()).isFalse();
    }
}
