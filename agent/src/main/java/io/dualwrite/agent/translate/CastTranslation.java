package io.dualwrite.agent.translate;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Writes casts in the other dialect: PostgreSQL's {@code x::type} and {@code CAST(x AS type)} as MariaDB's
 * {@code CAST(x AS type)} with MariaDB's names of the type, and back. A cast to a type the other side lacks is
 * dropped where the other side converts the value on its own, else refused.
 */
final class CastTranslation {

    /** Prints as its operand alone: how a dropped cast is written, since the tree cannot replace a node. */
    private static final ColDataType NO_TYPE = new ColDataType("");

    private CastTranslation() {
    }

    static void apply(Statement statement, SqlDialect to) {
        // the parser's walk meets a cast inside a WITH more than once, and a cast must be translated once
        Set<CastExpression> translated = Collections.newSetFromMap(new IdentityHashMap<>());
        ExpressionWalk.walk(statement, expression -> {
            if (expression instanceof CastExpression && !((CastExpression) expression).isImplicitCast()
                    && translated.add((CastExpression) expression)) {
                translate((CastExpression) expression, to);
            }
        });
    }

    private static void translate(CastExpression cast, SqlDialect to) {
        SqlType type = SqlType.of(cast.getColDataType());
        if (to == SqlDialect.MYSQL && type.isPostgresqlBooleanOrJson()) {
            drop(cast, type);
            return;
        }
        cast.setColDataType(to == SqlDialect.MYSQL ? type.toMysql() : type.toPostgresql());
        cast.keyword = "CAST";
        cast.setUseCastKeyword(true);
    }

    /**
     * MariaDB has neither a boolean nor (MariaDB) a JSON cast, but stores a bound or literal value into such a
     * column on its own; a boolean literal is written as TRUE or FALSE, as PostgreSQL would read it.
     */
    private static void drop(CastExpression cast, SqlType type) {
        Expression value = cast.getLeftExpression();
        if (type.isPostgresqlBoolean() && !(value instanceof JdbcNamedParameter || value instanceof BooleanValue)) {
            cast.setLeftExpression(new BooleanValue(booleanLiteral(value)));
        } else if (!(value instanceof JdbcNamedParameter || value instanceof StringValue
                || value instanceof BooleanValue)) {
            throw new CannotTranslate("the cast of " + value + " to " + type + " has no " + SqlDialect.MYSQL
                    + " form; cast a bound value or a literal only");
        }
        cast.setImplicitCast(true);
        cast.setColDataType(NO_TYPE);
    }

    /** What PostgreSQL reads for {@code literal::boolean}. */
    private static boolean booleanLiteral(Expression literal) {
        if (literal instanceof LongValue) {
            return ((LongValue) literal).getValue() != 0;
        }
        String text = literal instanceof StringValue
                ? ((StringValue) literal).getValue().trim().toLowerCase(Locale.ROOT) : "";
        if (List.of("t", "true", "y", "yes", "on", "1").contains(text)) {
            return true;
        }
        if (List.of("f", "false", "n", "no", "off", "0").contains(text)) {
            return false;
        }
        throw new CannotTranslate("the cast of " + literal + " to boolean has no " + SqlDialect.MYSQL
                + " form; write TRUE or FALSE, or bind a boolean value");
    }
}
