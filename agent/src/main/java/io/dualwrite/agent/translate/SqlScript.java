package io.dualwrite.agent.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements written one after another, as a person gives them to the {@code explain} command: ended by {@code ;},
 * or, in a text without any {@code ;}, one per line. A {@code ;} or a line break inside quoted text or a comment does
 * not end a statement, read as the dialect reads them.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /**
     * The statements of {@code text}, trimmed, without their {@code ;}, without the comments before them and without
     * the empty ones.
     */
    public static List<String> statements(String text, SqlDialect dialect) {
        List<String> statements = new ArrayList<>();
        int n = text.length();
        char end = hasSemicolon(text, dialect) ? ';' : '\n';
        int start = 0;
        for (int p = 0; p < n; ) {
            int skipped = Placeholders.skipQuotedOrComment(text, p, n, dialect);
            if (skipped > p) {
                // a line comment takes its line break with it, which in one-per-line text ends the statement
                p = end == '\n' && text.charAt(skipped - 1) == '\n' ? skipped - 1 : skipped;
            } else if (text.charAt(p) == end) {
                add(statements, text.substring(start, p), dialect);
                start = ++p;
            } else {
                p++;
            }
        }
        add(statements, text.substring(start), dialect);
        return statements;
    }

    private static boolean hasSemicolon(String text, SqlDialect dialect) {
        int n = text.length();
        for (int p = 0; p < n; ) {
            int skipped = Placeholders.skipQuotedOrComment(text, p, n, dialect);
            if (skipped > p) {
                p = skipped;
            } else if (text.charAt(p++) == ';') {
                return true;
            }
        }
        return false;
    }

    /** Adds the statement without the comments before it, unless it is only comments. */
    private static void add(List<String> statements, String statement, SqlDialect dialect) {
        String code = statement.substring(codeStart(statement, dialect)).trim();
        if (!code.isEmpty()) {
            statements.add(code);
        }
    }

    private static int codeStart(String text, SqlDialect dialect) {
        int n = text.length();
        int p = 0;
        while (p < n) {
            char c = text.charAt(p);
            int skipped = Placeholders.skipQuotedOrComment(text, p, n, dialect);
            if (Character.isWhitespace(c)) {
                p++;
            } else if (skipped > p && (c == '-' || c == '/' || c == '#')) {
                p = skipped;
            } else {
                break;
            }
        }
        return p;
    }
}
