package io.dualwrite.agent.reconcile;

import java.util.List;
import java.util.StringJoiner;

/** Identifiers quoted as one database quotes them, so that names are taken as stored, whatever their case. */
final class SqlNames {

    private final String quote;

    SqlNames(String quote) {
        this.quote = quote == null || quote.trim().isEmpty() ? "" : quote.trim();
    }

    String quote(String name) {
        return quote + name.replace(quote.isEmpty() ? "\u0000" : quote, quote + quote) + quote;
    }

    String list(List<String> names) {
        StringJoiner joined = new StringJoiner(", ");
        for (String name : names) {
            joined.add(quote(name));
        }
        return joined.toString();
    }
}
