package io.dualwrite.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Properties;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.Logger;

/**
 * Installs the advice into every JDBC driver, connection and statement class as it loads. Type matching
 * tests the name first (cheap) and the type hierarchy last; ByteBuddy's default ignores (JDK classes, its
 * own) stay in force, and the agent's classes, its class loader and connection-pool wrappers are never
 * instrumented: a pool's wrapper delegates to the driver's object, which is where a write is seen, once.
 */
public final class JdbcInstrumentation {

    /** Wrappers that only delegate to a driver's objects. */
    private static final String[] WRAPPER_PACKAGES = {
        "io.dualwrite.", "com.zaxxer.hikari.", "org.apache.commons.dbcp.", "org.apache.commons.dbcp2.",
        "com.mchange.v2.c3p0.", "org.apache.tomcat.jdbc.pool.", "org.springframework.jdbc.datasource.",
        "com.p6spy.", "net.ttddyy.dsproxy.",
    };

    private static final String[] STREAM_SETTERS = {
        "setBinaryStream", "setAsciiStream", "setUnicodeStream", "setCharacterStream", "setNCharacterStream",
        "setBlob", "setClob", "setNClob",
    };

    private JdbcInstrumentation() {
    }

    /**
     * @param retransform whether classes loaded before now are instrumented too: only needed when the agent
     *                    is attached to a running JVM, since at premain no driver class is loaded yet
     * @param rewriteNondeterministic whether {@code writes.nondeterministic: rewrite} is configured, which needs
     *                                advice of its own on prepare, the setters, execute and addBatch
     */
    public static void install(Instrumentation inst, ClassLoader agentLoader, boolean retransform,
                               boolean rewriteNondeterministic, Logger log) {
        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice()
                .include(agentLoader)
                .withExceptionHandler(net.bytebuddy.asm.Advice.ExceptionHandler.Default.SUPPRESSING);

        AgentBuilder agentBuilder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(retransform ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(new TypePoolCaches())
                .with(new TransformationErrors(log))
                .type(jdbcClass())
                .transform((builder, type, classLoader, module, domain) -> {
                    AgentBuilder.Transformer.ForAdvice forType = type.isAssignableTo(Driver.class)
                            ? advice.advice(method("connect").and(takesArguments(String.class, Properties.class)),
                                    DriverAdvice.class.getName())
                            : type.isAssignableTo(Connection.class)
                            ? connectionAdvice(rewriteNondeterministic ? rewritePrepare(advice) : advice)
                            : statementAdvice(rewriteNondeterministic ? rewriteStatement(advice) : advice);
                    return forType.transform(builder, type, classLoader, module, domain);
                });
        if (retransform) {
            agentBuilder.installOn(inst);
        } else {
            inst.addTransformer(new JdbcTypeFilter(agentBuilder.makeRaw()));
        }
    }

    /** One walk of each class's type hierarchy decides whether it is any of the three JDBC types followed. */
    private static ElementMatcher.Junction<TypeDescription> jdbcClass() {
        ElementMatcher.Junction<TypeDescription> wrapper = nameContains("$Proxy");
        for (String prefix : WRAPPER_PACKAGES) {
            wrapper = wrapper.or(nameStartsWith(prefix));
        }
        return not(wrapper).and(not(isInterface()))
                .and(hasSuperType(namedOneOf("java.sql.Driver", "java.sql.Connection", "java.sql.Statement")));
    }

    private static ElementMatcher.Junction<MethodDescription> method(String name) {
        return isMethod().and(named(name)).and(not(isAbstract()));
    }

    private static AgentBuilder.Transformer.ForAdvice connectionAdvice(AgentBuilder.Transformer.ForAdvice advice) {
        return keysAdviceOnConnection(advice)
                .advice(isMethod().and(namedOneOf("prepareStatement", "prepareCall")).and(not(isAbstract()))
                        .and(takesArgument(0, String.class)), ConnectionAdvice.Prepare.class.getName())
                .advice(method("createStatement"), ConnectionAdvice.CreateStatement.class.getName())
                .advice(method("setAutoCommit").and(takesArguments(boolean.class)),
                        ConnectionAdvice.SetAutoCommit.class.getName())
                .advice(method("commit").and(takesArguments(0)), ConnectionAdvice.Commit.class.getName())
                .advice(method("rollback").and(takesArguments(0)), ConnectionAdvice.Rollback.class.getName())
                .advice(method("rollback").and(takesArguments(1)),
                        ConnectionAdvice.RollbackToSavepoint.class.getName())
                .advice(method("setSavepoint"), ConnectionAdvice.SetSavepoint.class.getName())
                .advice(method("releaseSavepoint").and(takesArguments(1)),
                        ConnectionAdvice.ReleaseSavepoint.class.getName())
                .advice(method("close").and(takesArguments(0)), ConnectionAdvice.Close.class.getName());
    }

    private static AgentBuilder.Transformer.ForAdvice statementAdvice(AgentBuilder.Transformer.ForAdvice advice) {
        ElementMatcher.Junction<MethodDescription> update = isMethod().and(not(isAbstract()))
                .and(namedOneOf("executeUpdate", "executeLargeUpdate"));
        ElementMatcher.Junction<MethodDescription> query = isMethod().and(not(isAbstract()))
                .and(namedOneOf("execute", "executeQuery"));
        ElementMatcher.Junction<MethodDescription> setter = parameterSetter();
        ElementMatcher.Junction<MethodDescription> streamSetter = setter.and(namedOneOf(STREAM_SETTERS))
                .and(takesArgument(1, java.io.InputStream.class).or(takesArgument(1, java.io.Reader.class)));
        return keysAdviceOnStatement(advice)
                .advice(update.and(takesArgument(0, String.class)), StatementAdvice.ExecuteSql.class.getName())
                .advice(update.and(takesArguments(0)), StatementAdvice.ExecutePrepared.class.getName())
                .advice(query.and(takesArgument(0, String.class)), QueryAdvice.WithSql.class.getName())
                .advice(query.and(takesArguments(0)), QueryAdvice.Prepared.class.getName())
                .advice(method("getResultSet").and(takesArguments(0)), QueryAdvice.GetResultSet.class.getName())
                .advice(method("getUpdateCount").and(takesArguments(0)), QueryAdvice.GetUpdateCount.class.getName())
                .advice(method("getLargeUpdateCount").and(takesArguments(0)),
                        QueryAdvice.GetLargeUpdateCount.class.getName())
                .advice(method("getMoreResults"), QueryAdvice.GetMoreResults.class.getName())
                .advice(method("executeBatch").or(method("executeLargeBatch")).and(takesArguments(0)),
                        StatementAdvice.ExecuteBatch.class.getName())
                .advice(method("addBatch").and(takesArguments(String.class)),
                        StatementAdvice.AddBatchSql.class.getName())
                .advice(method("addBatch").and(takesArguments(0)), StatementAdvice.AddBatchRow.class.getName())
                .advice(method("clearBatch").and(takesArguments(0)), StatementAdvice.ClearBatch.class.getName())
                .advice(method("clearParameters").and(takesArguments(0)),
                        StatementAdvice.ClearParameters.class.getName())
                .advice(method("close").and(takesArguments(0)), StatementAdvice.Close.class.getName())
                .advice(streamSetter, ParameterAdvice.ReplayableStream.class.getName())
                .advice(setter, ParameterAdvice.class.getName());
    }

    /** Registered first, so that it is the outermost advice on prepareStatement (see NondeterministicAdvice). */
    private static AgentBuilder.Transformer.ForAdvice rewritePrepare(AgentBuilder.Transformer.ForAdvice advice) {
        return advice.advice(isMethod().and(named("prepareStatement")).and(not(isAbstract()))
                .and(takesArgument(0, String.class)), NondeterministicAdvice.Prepare.class.getName());
    }

    /** Registered first, so that it is the outermost advice on the setters and executions. */
    private static AgentBuilder.Transformer.ForAdvice rewriteStatement(AgentBuilder.Transformer.ForAdvice advice) {
        ElementMatcher.Junction<MethodDescription> execution = isMethod().and(not(isAbstract())).and(takesArguments(0))
                .and(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch"));
        return advice
                .advice(parameterSetter(), NondeterministicAdvice.Setter.class.getName())
                .advice(execution, NondeterministicAdvice.Execution.class.getName());
    }

    private static ElementMatcher.Junction<MethodDescription> parameterSetter() {
        return isMethod().and(not(isAbstract())).and(namedOneOf(parameterSetterNames())).and(takesArgument(0, int.class))
                .and(not(takesArguments(1)));
    }

    /**
     * Generated keys. However this advice and the other advice on the same methods nest, a write is followed once:
     * when the agent answers in the driver's place, the call it makes instead is either followed as the
     * application's own (this advice outermost, the others skipped) or nested inside the application's call,
     * which counts once.
     */
    private static AgentBuilder.Transformer.ForAdvice keysAdviceOnConnection(
            AgentBuilder.Transformer.ForAdvice advice) {
        ElementMatcher.Junction<MethodDescription> prepare = method("prepareStatement")
                .and(takesArgument(0, String.class));
        return advice
                .advice(prepare.and(takesArguments(1)), KeysAdvice.Prepare.class.getName())
                .advice(prepare.and(takesArguments(2)).and(keysRequest()), KeysAdvice.PrepareAsking.class.getName());
    }

    private static AgentBuilder.Transformer.ForAdvice keysAdviceOnStatement(AgentBuilder.Transformer.ForAdvice advice) {
        ElementMatcher.Junction<MethodDescription> execute = isMethod().and(not(isAbstract()))
                .and(namedOneOf("execute", "executeUpdate", "executeLargeUpdate"))
                .and(takesArgument(0, String.class));
        return advice
                .advice(execute.and(takesArguments(1)), KeysAdvice.Execute.class.getName())
                .advice(execute.and(takesArguments(2)).and(keysRequest()), KeysAdvice.ExecuteAsking.class.getName())
                .advice(method("getGeneratedKeys").and(takesArguments(0)), KeysAdvice.GetGeneratedKeys.class.getName());
    }

    /** A second argument that asks for generated keys: a flag, column indexes or column names. */
    private static ElementMatcher.Junction<MethodDescription> keysRequest() {
        return takesArgument(1, int.class).or(takesArgument(1, int[].class)).or(takesArgument(1, String[].class));
    }

    /** The names of JDBC's parameter setters, taken from the interface itself so that none is missed. */
    static String[] parameterSetterNames() {
        return Arrays.stream(PreparedStatement.class.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getParameterCount() >= 2
                        && m.getParameterTypes()[0] == int.class)
                .map(Method::getName)
                .distinct()
                .toArray(String[]::new);
    }
}
