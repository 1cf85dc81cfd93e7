package io.dualwrite.agent.translate;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An upsert whose translation depends on the unique keys of the secondary's {@link #table}: translated once they
 * are known, and kept with them.
 */
final class PendingUpsert {

    final String schema;
    final String table;
    /** The keys last translated with, and the translation. */
    private volatile Map.Entry<List<UniqueKey>, Object> kept;

    PendingUpsert(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    /** The translation with {@code known} keys: {@code translate} runs again only when they change. */
    Object with(List<UniqueKey> known, Supplier<Object> translate) {
        Map.Entry<List<UniqueKey>, Object> last = kept;
        if (last != null && last.getKey().equals(known)) {
            return last.getValue();
        }
        Object fresh = translate.get();
        kept = Map.entry(known, fresh);
        return fresh;
    }

    String reasonWithoutKeys() {
        return "ON DUPLICATE KEY UPDATE takes its " + SqlDialect.POSTGRESQL + " conflict target from the unique "
                + "keys of " + table + " on the secondary, which are read when the write is applied; without a "
                + "connection to the secondary (explain does not connect) the statement cannot be shown";
    }
}
