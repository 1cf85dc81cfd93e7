package io.dualwrite.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which tables have their writes mirrored: case-insensitive include and exclude globs.
 *
 * <p>A table name may be schema-qualified ({@code public.orders}) and arrives unquoted. It is included when the
 * full name or its last dotted segment matches some include glob and neither matches any exclude glob. An unknown
 * table ({@code null}) is included only when some include glob is exactly {@code *}.
 */
public final class TableFilter {

    private static final TableFilter ALL = of(Collections.singletonList("*"), Collections.<String>emptyList());

    private final List<String> include;
    private final List<String> exclude;
    private final Glob[] includeGlobs;
    private final Glob[] excludeGlobs;
    private final boolean includesUnknown;

    private TableFilter(List<String> include, List<String> exclude) {
        this.include = include;
        this.exclude = exclude;
        this.includeGlobs = compile(include);
        this.excludeGlobs = compile(exclude);
        boolean unknown = false;
        for (Glob glob : includeGlobs) {
            unknown |= glob.isMatchAll();
        }
        this.includesUnknown = unknown;
    }

    /**
     * A filter from include and exclude globs (case-insensitive; {@code *} is the only wildcard).
     * An empty include list includes nothing.
     */
    public static TableFilter of(List<String> include, List<String> exclude) {
        return new TableFilter(copy(include, "include"), copy(exclude, "exclude"));
    }

    /** The default filter: include {@code *}, exclude nothing. */
    public static TableFilter all() {
        return ALL;
    }

    /** The include globs as given. */
    public List<String> include() {
        return include;
    }

    /** The exclude globs as given. */
    public List<String> exclude() {
        return exclude;
    }

    /** Whether writes to this table are mirrored; {@code null} stands for an unknown table. */
    public boolean includes(String tableName) {
        if (tableName == null) {
            return includesUnknown;
        }
        int dot = tableName.lastIndexOf('.');
        String last = dot >= 0 ? tableName.substring(dot + 1) : null;
        return anyMatches(includeGlobs, tableName, last) && !anyMatches(excludeGlobs, tableName, last);
    }

    private static boolean anyMatches(Glob[] globs, String full, String last) {
        for (Glob glob : globs) {
            if (glob.matches(full) || (last != null && glob.matches(last))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> copy(List<String> globs, String what) {
        Objects.requireNonNull(globs, what);
        List<String> copy = new ArrayList<>(globs.size());
        for (String glob : globs) {
            copy.add(Objects.requireNonNull(glob, what + " glob"));
        }
        return Collections.unmodifiableList(copy);
    }

    private static Glob[] compile(List<String> patterns) {
        Glob[] globs = new Glob[patterns.size()];
        for (int i = 0; i < globs.length; i++) {
            globs[i] = Glob.compile(patterns.get(i), false);
        }
        return globs;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TableFilter)) {
            return false;
        }
        TableFilter other = (TableFilter) o;
        return include.equals(other.include) && exclude.equals(other.exclude);
    }

    @Override
    public int hashCode() {
        return include.hashCode() * 31 + exclude.hashCode();
    }

    /** For example {@code include [*] exclude [audit_*]}. */
    @Override
    public String toString() {
        return "include " + include + " exclude " + exclude;
    }
}
