package io.dualwrite.agent.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/** The type of a cast, read from the parser's text of it, and its name in the other dialect. */
final class SqlType {

    private static final int MYSQL_MAX_DECIMAL_PRECISION = 65;

    private final String name;
    private final List<Integer> arguments;
    private final boolean array;
    private final String text;

    private SqlType(String name, List<Integer> arguments, boolean array, String text) {
        this.name = name;
        this.arguments = arguments;
        this.array = array;
        this.text = text;
    }

    /** The parser keeps a type as text such as {@code numeric (10, 2)} or {@code double precision}. */
    static SqlType of(ColDataType type) {
        String text = type.getDataType();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        List<Integer> arguments = new ArrayList<>();
        if (open >= 0) {
            for (String argument : text.substring(open + 1, text.lastIndexOf(')')).split(",")) {
                try {
                    arguments.add(Integer.parseInt(argument.trim()));
                } catch (NumberFormatException e) {
                    throw new CannotTranslate("the cast to " + text + " has arguments the agent does not read");
                }
            }
        }
        return new SqlType(name, arguments, !type.getArrayData().isEmpty(), text);
    }

    boolean isPostgresqlBoolean() {
        return name.equals("boolean") || name.equals("bool");
    }

    boolean isPostgresqlBooleanOrJson() {
        return !array && (isPostgresqlBoolean() || name.equals("json") || name.equals("jsonb"));
    }

    /** MariaDB's name of this PostgreSQL type, for a cast. */
    ColDataType toMysql() {
        if (array) {
            throw refused(SqlDialect.MYSQL, "has no arrays");
        }
        switch (name) {
            case "int": case "integer": case "int2": case "int4": case "int8": case "smallint": case "bigint":
                return new ColDataType("SIGNED");
            case "text": case "varchar": case "character varying": case "char": case "character": case "bpchar":
                return arguments.isEmpty() ? new ColDataType("CHAR") : type("CHAR", arguments.get(0));
            case "numeric": case "decimal":
                return mysqlDecimal();
            case "real": case "float4":
                return new ColDataType("FLOAT");
            case "double precision": case "float8": case "float":
                return new ColDataType("DOUBLE");
            case "date":
                return new ColDataType("DATE");
            // MariaDB's DATETIME and TIME casts drop fractions of a second unless asked for them
            case "timestamp": case "timestamp without time zone":
                return type("DATETIME", arguments.isEmpty() ? 6 : arguments.get(0));
            case "time": case "time without time zone":
                return type("TIME", arguments.isEmpty() ? 6 : arguments.get(0));
            case "timestamptz": case "timestamp with time zone": case "timetz": case "time with time zone":
                throw refused(SqlDialect.MYSQL, "keeps no time zone in its DATETIME and TIME types");
            default:
                throw refused(SqlDialect.MYSQL, "has no type the agent knows to match it");
        }
    }

    private ColDataType mysqlDecimal() {
        if (arguments.isEmpty()) {
            // PostgreSQL's unconstrained numeric keeps every digit; MariaDB's DECIMAL alone would round to integers
            return type("DECIMAL", MYSQL_MAX_DECIMAL_PRECISION, 30);
        }
        if (arguments.get(0) > MYSQL_MAX_DECIMAL_PRECISION) {
            throw refused(SqlDialect.MYSQL, "holds at most " + MYSQL_MAX_DECIMAL_PRECISION + " digits");
        }
        return type("DECIMAL", arguments.get(0), arguments.size() > 1 ? arguments.get(1) : 0);
    }

    /** PostgreSQL's name of this MariaDB type, for a cast. */
    ColDataType toPostgresql() {
        switch (name) {
            case "signed": case "signed integer": case "integer": case "int":
                return new ColDataType("bigint");
            case "char":
                return arguments.isEmpty() ? new ColDataType("text") : type("varchar", arguments.get(0));
            case "date":
                return new ColDataType("date");
            case "datetime":
                return type("timestamp", arguments.isEmpty() ? 0 : arguments.get(0));
            case "time":
                return type("time", arguments.isEmpty() ? 0 : arguments.get(0));
            case "decimal":
                return type("numeric", arguments.isEmpty() ? 10 : arguments.get(0),
                        arguments.size() > 1 ? arguments.get(1) : 0);
            case "double": case "double precision": case "real":
                return new ColDataType("double precision");
            case "float":
                return new ColDataType("real");
            case "json":
                return new ColDataType("json");
            case "unsigned": case "unsigned integer":
                throw refused(SqlDialect.POSTGRESQL, "has no unsigned integers");
            default:
                throw refused(SqlDialect.POSTGRESQL, "has no type the agent knows to match it");
        }
    }

    private static ColDataType type(String name, int... arguments) {
        ColDataType type = new ColDataType(name);
        for (int argument : arguments) {
            type.addArgumentsStringList(String.valueOf(argument));
        }
        return type;
    }

    private CannotTranslate refused(SqlDialect to, String why) {
        return new CannotTranslate("the cast to " + this + " cannot be written for " + to + ", which " + why);
    }

    @Override
    public String toString() {
        return text + (array ? "[]" : "");
    }
}
