package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.shadow.ValueNormalizer;
import java.math.BigDecimal;

/**
 * A key as people read it ({@code id=17}, {@code tenant=3, code='a-1'}) and as the JSON report holds it
 * ({@code {"tenant":3,"code":"a-1"}}): numbers plain, everything else as text (UUIDs in lower case, times in
 * ISO form). Only key values are ever shown: the other columns' values may be secrets.
 */
public final class KeyText {

    private static final int MAX_CHARS = 200;

    private KeyText() {
    }

    static String render(TablePair table, Object[] key, Side side) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < table.keySize; i++) {
            Object value = normalized(table, key, side, i);
            text.append(i == 0 ? "" : ", ").append(table.columns.get(i).name()).append('=');
            if (value instanceof BigDecimal) {
                text.append(((BigDecimal) value).toPlainString());
            } else {
                text.append('\'').append(display(table, value, i)).append('\'');
            }
        }
        return text.toString();
    }

    static String json(TablePair table, Object[] key, Side side) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < table.keySize; i++) {
            Object value = normalized(table, key, side, i);
            json.append(i == 0 ? "" : ",").append(JsonRecord.quote(table.columns.get(i).name())).append(':');
            json.append(value instanceof BigDecimal ? ((BigDecimal) value).toPlainString()
                    : JsonRecord.quote(display(table, value, i)));
        }
        return json.append('}').toString();
    }

    private static Object normalized(TablePair table, Object[] key, Side side, int column) {
        return ValueNormalizer.normalize(key[column], table.columns.get(column).on(side).sqlType);
    }

    private static String display(TablePair table, Object value, int column) {
        return String.valueOf(ValueNormalizer.display(value, table.columns.get(column).on(Side.PRIMARY).digits,
                MAX_CHARS));
    }
}
