package io.dualwrite.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A precompiled glob matched against a whole text: {@code *} stands for any run of characters (also none), every
 * other character stands for itself. There are no other wildcards and no escapes, so characters such as
 * {@code . + ? [ ( \} are literal. No regular expressions are involved.
 */
public final class Glob {

    private final String pattern;
    private final boolean caseSensitive;
    /** The literal runs between the stars; {@code segments.length == stars + 1}. */
    private final String[] segments;
    private final boolean hasStar;
    private final boolean matchesEverything;
    private final int minLength;

    private Glob(String pattern, boolean caseSensitive) {
        this.pattern = pattern;
        this.caseSensitive = caseSensitive;
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*') {
                parts.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(pattern.substring(start));
        this.segments = parts.toArray(new String[0]);
        this.hasStar = segments.length > 1;
        int min = 0;
        boolean allEmpty = true;
        for (String s : segments) {
            min += s.length();
            allEmpty &= s.isEmpty();
        }
        this.minLength = min;
        this.matchesEverything = hasStar && allEmpty;
    }

    /**
     * Compiles a glob.
     *
     * @param pattern       the glob; {@code *} is the only wildcard
     * @param caseSensitive whether letters must match in case
     */
    public static Glob compile(String pattern, boolean caseSensitive) {
        Objects.requireNonNull(pattern, "pattern");
        return new Glob(pattern, caseSensitive);
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }

    /** Whether letters must match in case. */
    public boolean caseSensitive() {
        return caseSensitive;
    }

    /** Whether the pattern is exactly {@code *}. */
    public boolean isMatchAll() {
        return pattern.equals("*");
    }

    /** Whether the whole text matches; {@code null} matches nothing. */
    public boolean matches(String text) {
        if (text == null) {
            return false;
        }
        if (!hasStar) {
            return caseSensitive ? pattern.equals(text) : pattern.equalsIgnoreCase(text);
        }
        if (matchesEverything) {
            return true;
        }
        int length = text.length();
        if (length < minLength) {
            return false;
        }
        String first = segments[0];
        String last = segments[segments.length - 1];
        if (!text.regionMatches(!caseSensitive, 0, first, 0, first.length())) {
            return false;
        }
        int end = length - last.length();
        if (!text.regionMatches(!caseSensitive, end, last, 0, last.length())) {
            return false;
        }
        // The middle segments must occur in order, without overlapping, between the first and the last one.
        // Taking the leftmost occurrence of each is always right, because the stars between them absorb the rest.
        int position = first.length();
        for (int i = 1; i < segments.length - 1; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                continue;
            }
            int found = indexOf(text, segment, position, end);
            if (found < 0) {
                return false;
            }
            position = found + segment.length();
        }
        return true;
    }

    /** First index {@code >= from} where segment occurs entirely before {@code limit}, or -1. */
    private int indexOf(String text, String segment, int from, int limit) {
        int lastStart = limit - segment.length();
        if (caseSensitive) {
            int found = text.indexOf(segment, from);
            return found >= 0 && found <= lastStart ? found : -1;
        }
        for (int i = from; i <= lastStart; i++) {
            if (text.regionMatches(true, i, segment, 0, segment.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Glob)) {
            return false;
        }
        Glob other = (Glob) o;
        return caseSensitive == other.caseSensitive && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + (caseSensitive ? 1 : 0);
    }

    /** The pattern as given. */
    @Override
    public String toString() {
        return pattern;
    }
}
