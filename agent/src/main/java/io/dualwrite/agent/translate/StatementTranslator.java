package io.dualwrite.agent.translate;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.sql.SqlClassificationCache;
import io.dualwrite.agent.sql.SqlInfo;
import io.dualwrite.agent.sql.SqlKind;
import io.dualwrite.agent.sql.SqlTextCache;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.statement.Statement;

/**
 * Turns the primary's SQL into the secondary's: mapped to its schema ({@code mapping}) and written in its dialect.
 * Each distinct text is translated once and the result cached; a text that needs neither is never parsed. A text
 * that cannot be translated gives an {@link UntranslatableStatementException} naming the reason, every time.
 */
public final class StatementTranslator {

    private static final int CACHE_SIZE = 4096;
    private static final StatementTranslator IDENTITY = new StatementTranslator(SqlDialect.OTHER, SqlDialect.OTHER,
            MappingConfig.empty());

    private final SqlDialect from;
    private final SqlDialect to;
    private final MappingConfig mapping;
    private final boolean translatesDialect;
    private final SqlClassificationCache tables = new SqlClassificationCache(CACHE_SIZE);
    /**
     * A {@link SecondaryStatement}, the reason a text cannot be translated, or a {@link PendingUpsert} when that
     * depends on the secondary's unique keys.
     */
    private final SqlTextCache<Object> translations = new SqlTextCache<>(CACHE_SIZE,
            sql -> translateOrReason(sql, UpsertTranslation.NO_KEYS));
    /** The secondary's unique keys per table ("schema.table", or ".table" in the current schema). */
    private final ConcurrentHashMap<String, List<UniqueKey>> uniqueKeys = new ConcurrentHashMap<>();

    public StatementTranslator(SqlDialect from, SqlDialect to, MappingConfig mapping) {
        this.from = from;
        this.to = to;
        this.mapping = mapping;
        this.translatesDialect = from != to && from != SqlDialect.OTHER && to != SqlDialect.OTHER;
    }

    /** Sends every statement as it is. */
    public static StatementTranslator identity() {
        return IDENTITY;
    }

    /** From the primary URL pattern's dialect to the secondary URL's, with the configured mapping. */
    public static StatementTranslator of(AgentConfig config) {
        SqlDialect primary = config.primaryUrlPattern() == null ? SqlDialect.OTHER
                : SqlDialect.ofUrl(config.primaryUrlPattern().pattern());
        SqlDialect secondary = config.secondary() == null ? SqlDialect.OTHER
                : SqlDialect.ofUrl(config.secondary().url());
        return new StatementTranslator(primary, secondary, config.mapping());
    }

    public SqlDialect from() {
        return from;
    }

    public SqlDialect to() {
        return to;
    }

    /** Whether any statement may change on its way to the secondary. */
    public boolean isActive() {
        return translatesDialect || !mapping.isEmpty();
    }

    /**
     * The secondary's statement for the primary's {@code sql}, without the secondary at hand: a statement that
     * depends on its unique keys is reported untranslatable here.
     */
    public SecondaryStatement translate(String sql) throws UntranslatableStatementException {
        if (!isActive()) {
            return SecondaryStatement.same(sql);
        }
        return statement(translations.get(sql));
    }

    /**
     * The secondary's statement for the primary's {@code sql}, reading the secondary's unique keys from
     * {@code keys} when the statement depends on them (once per table: they are kept).
     *
     * @throws SQLException when the keys cannot be read now; nothing is kept of such a failure
     */
    public SecondaryStatement translate(String sql, UniqueKeys keys) throws SQLException {
        if (!isActive()) {
            return SecondaryStatement.same(sql);
        }
        Object translation = translations.get(sql);
        if (translation instanceof PendingUpsert) {
            PendingUpsert upsert = (PendingUpsert) translation;
            List<UniqueKey> known = uniqueKeys(upsert, keys);
            translation = upsert.with(known, () -> translateOrReason(sql, (schema, table) -> known));
        }
        return statement(translation);
    }

    private List<UniqueKey> uniqueKeys(PendingUpsert upsert, UniqueKeys keys) throws SQLException {
        String table = (upsert.schema == null ? "" : upsert.schema) + "." + upsert.table;
        List<UniqueKey> known = uniqueKeys.get(table);
        if (known == null) {
            List<UniqueKey> read = List.copyOf(keys.of(upsert.schema, upsert.table));
            known = uniqueKeys.putIfAbsent(table, read);
            return known != null ? known : read;
        }
        return known;
    }

    private SecondaryStatement statement(Object translation) throws UntranslatableStatementException {
        if (translation instanceof String) {
            throw new UntranslatableStatementException(to, (String) translation);
        }
        if (translation instanceof PendingUpsert) {
            throw new UntranslatableStatementException(to, ((PendingUpsert) translation).reasonWithoutKeys());
        }
        return (SecondaryStatement) translation;
    }

    private Object translateOrReason(String sql, UpsertTranslation.KeysOf keys) {
        try {
            return translateNow(sql, keys);
        } catch (UpsertTranslation.KeysNeeded e) {
            return new PendingUpsert(e.schema, e.table);
        } catch (CannotTranslate e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "the translation failed (" + e + ")";
        }
    }

    private SecondaryStatement translateNow(String sql, UpsertTranslation.KeysOf keys) {
        SqlInfo info = tables.classify(sql);
        boolean mapped = mapping.forTable(info.table()) != null;
        boolean dialect = translatesDialect && DialectRewrite.mayDiffer(sql, from, to);
        if (!mapped && !dialect) {
            return SecondaryStatement.same(sql);
        }
        if (dialect && !mapped && info.kind() == SqlKind.DDL) {
            return schemaChange(sql);
        }
        // once rewritten before parsing, the text is quoted in the secondary's way
        SqlDialect quoting = dialect ? to : from;
        String named = Placeholders.name(dialect ? DialectRewrite.beforeParsing(sql, from, to) : sql, quoting);
        Statement statement = SqlParsing.parse(named, quoting);
        Constants constants = new Constants();
        if (mapped && !MappingRewrite.apply(statement, mapping, constants)) {
            return SecondaryStatement.nothing();
        }
        if (dialect) {
            DialectRewrite.apply(statement, from, to, keys);
        }
        String printed = dialect ? DialectRewrite.afterPrinting(statement.toString(), from, to) : statement.toString();
        Placeholders.Unnamed unnamed = Placeholders.unname(printed, to);
        return SecondaryStatement.rewritten(unnamed.sql, unnamed.sources, constants.toArray());
    }

    /**
     * A schema change is not parsed (the parser reads little DDL, and column types are not translated): only its
     * names, literals and comments are written in the secondary's way.
     */
    private SecondaryStatement schemaChange(String sql) {
        String named = Placeholders.name(DialectRewrite.quotingOnly(sql, from, to), to);
        Placeholders.Unnamed unnamed = Placeholders.unname(named, to);
        return SecondaryStatement.rewritten(unnamed.sql, unnamed.sources, new Object[0]);
    }
}
