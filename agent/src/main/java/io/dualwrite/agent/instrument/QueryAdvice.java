package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice on {@code executeQuery} and {@code execute}, the calls that may read. When the agent routes a read to
 * the secondary, the enter hook returns an {@link AgentAnswer}: the driver's method is skipped and the exit advice
 * returns the answer instead. Otherwise these calls are followed as writes are, and a shadowed read's result is
 * handed back wrapped so that its rows are copied as the application reads them. After a routed {@code execute},
 * {@code getResultSet}, {@code getUpdateCount} and {@code getMoreResults} are answered the same way.
 */
public final class QueryAdvice {

    private QueryAdvice() {
    }

    /** {@code executeQuery(String)} and {@code execute(String, ...)}. */
    public static final class WithSql {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static Object enter(@Advice.This Object statement, @Advice.Argument(0) String sql,
                            @Advice.Origin("#m") String method) {
            return JdbcHooks.enterQuery(statement, sql, method);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object token, @Advice.Argument(0) String sql,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (token instanceof AgentAnswer) {
                result = ((AgentAnswer) token).value;
            } else {
                thrown = JdbcHooks.exitExecute(token, sql, thrown);
                if (thrown == null) {
                    result = JdbcHooks.queryResult(token, result);
                }
            }
        }
    }

    /** {@code executeQuery()} and {@code execute()} of a prepared statement. */
    public static final class Prepared {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static Object enter(@Advice.This Object statement, @Advice.Origin("#m") String method) {
            return JdbcHooks.enterQuery(statement, null, method);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object token,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (token instanceof AgentAnswer) {
                result = ((AgentAnswer) token).value;
            } else {
                thrown = JdbcHooks.exitExecute(token, null, thrown);
                if (thrown == null) {
                    result = JdbcHooks.queryResult(token, result);
                }
            }
        }
    }

    /** {@code getResultSet()}: the routed rows, or the driver's own, wrapped when shadowed. */
    public static final class GetResultSet {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object statement) {
            return JdbcHooks.enterResultCall(statement, JdbcHooks.RESULT_SET);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object statement, @Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result) {
            result = answer != null ? answer.value : JdbcHooks.resultSet(statement, result);
        }
    }

    /** {@code getUpdateCount()}. */
    public static final class GetUpdateCount {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object statement) {
            return JdbcHooks.enterResultCall(statement, JdbcHooks.UPDATE_COUNT);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result) {
            if (answer != null) {
                result = answer.value;
            }
        }
    }

    /** {@code getLargeUpdateCount()}. */
    public static final class GetLargeUpdateCount {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object statement) {
            return JdbcHooks.enterResultCall(statement, JdbcHooks.LARGE_UPDATE_COUNT);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result) {
            if (answer != null) {
                result = answer.value;
            }
        }
    }

    /** {@code getMoreResults()} and {@code getMoreResults(int)}. */
    public static final class GetMoreResults {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object statement) {
            return JdbcHooks.enterResultCall(statement, JdbcHooks.MORE_RESULTS);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result) {
            if (answer != null) {
                result = answer.value;
            }
        }
    }
}
