package io.dualwrite.agent.config;

import java.util.Locale;

/**
 * Masks secrets so that JDBC URLs and properties can be logged and shown in messages.
 *
 * <p>In a JDBC URL it masks:
 * <ul>
 *   <li>the password in {@code user:password@} userinfo ({@code jdbc:postgresql://u:pw@h/db});</li>
 *   <li>the password in Oracle's {@code user/password@} form ({@code jdbc:oracle:thin:scott/tiger@h:1521:db});</li>
 *   <li>the value of every parameter whose name contains {@code password}, {@code pwd}, {@code secret} or
 *       {@code token} (case-insensitive), in the forms {@code ?a=b&c=d}, {@code ;a=b;c=d} (H2, SQL Server),
 *       {@code :a=b;c=d} (DB2, Informix) and {@code (a=b)(c=d)} / {@code (a=b,c=d)} (MySQL, Oracle).</li>
 * </ul>
 * Masked values become {@value #MASK}. When in doubt it masks more rather than less.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final String[] SECRET_WORDS = {"password", "pwd", "secret", "token"};

    private Redaction() {
    }

    /** Whether a parameter or property name denotes a secret (contains password, pwd, secret or token). */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The JDBC URL with its secrets masked; {@code null} gives {@code null}. */
    public static String url(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String s = maskUserInfo(jdbcUrl);
        s = maskOracleCredentials(s);
        return maskParameters(s);
    }

    /** {@code scheme://user:password@host} becomes {@code scheme://user:***@host}. */
    private static String maskUserInfo(String s) {
        int scheme = s.indexOf("://");
        if (scheme < 0) {
            return s;
        }
        int start = scheme + 3;
        int end = s.length();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c == ';' || c == '#') {
                end = i;
                break;
            }
        }
        // The last '@' of the authority part, so that an unencoded '@' or '/' in the password is masked too.
        return maskCredentials(s, start, s.lastIndexOf('@', end - 1), ':');
    }

    /** {@code jdbc:oracle:thin:scott/tiger@host} becomes {@code jdbc:oracle:thin:scott/***@host}. */
    private static String maskOracleCredentials(String s) {
        String prefix = "jdbc:oracle:";
        if (!s.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return s;
        }
        int driverEnd = s.indexOf(':', prefix.length());
        if (driverEnd < 0) {
            return s;
        }
        return maskCredentials(s, driverEnd + 1, s.lastIndexOf('@'), '/');
    }

    /**
     * Masks the password in {@code user<separator>password@} credentials that start at {@code start} and end at
     * {@code at}; s itself when there are none.
     */
    private static String maskCredentials(String s, int start, int at, char separator) {
        if (at < start) {
            return s;
        }
        int sep = s.indexOf(separator, start);
        if (sep < 0 || sep > at) {
            return s;
        }
        return s.substring(0, sep + 1) + MASK + s.substring(at);
    }

    /** Masks the values of secret {@code name=value} parameters. */
    private static String maskParameters(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int depth = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            out.append(c);
            i++;
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
            boolean delimiter = c == '?' || c == '&' || c == ';' || c == ':' || c == '(' || (c == ',' && depth > 0);
            if (!delimiter) {
                continue;
            }
            int nameEnd = scanName(s, i);
            if (nameEnd == i || nameEnd >= n || s.charAt(nameEnd) != '=') {
                continue;
            }
            if (!isSecretName(s.substring(i, nameEnd))) {
                continue;
            }
            int valueStart = nameEnd + 1;
            int valueEnd = depth > 0 ? parenthesisedValueEnd(s, valueStart) : valueEnd(s, valueStart);
            out.append(s, i, valueStart).append(MASK);
            i = valueEnd;
        }
        return out.toString();
    }

    private static int scanName(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Inside parentheses a value ends at ')' or ','. */
    private static int parenthesisedValueEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ')' || c == ',') {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Elsewhere a value ends at an '&' or ';' that ends the URL or starts another {@code name=} parameter, so a
     * separator character inside the secret does not end the masking early.
     */
    private static int valueEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&' || c == ';') {
                int next = i + 1;
                if (next == s.length()) {
                    return i;
                }
                int nameEnd = scanName(s, next);
                if (nameEnd > next && nameEnd < s.length() && s.charAt(nameEnd) == '=') {
                    return i;
                }
            }
        }
        return s.length();
    }
}
