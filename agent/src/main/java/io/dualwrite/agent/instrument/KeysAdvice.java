package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice for generated keys. The calls that do not ask the driver for keys ({@code prepareStatement(String)},
 * {@code execute/executeUpdate/executeLargeUpdate(String)}) may be answered by the agent: for an INSERT whose key
 * the primary generates, it makes the same call asking for the keys, and the driver's own method is skipped. The
 * calls that ask for keys are only noted. {@code getGeneratedKeys()} may be answered by the agent too: with the
 * keys it read for the mirror, or what the driver gives when none were asked for.
 */
public final class KeysAdvice {

    private KeysAdvice() {
    }

    /** {@code Connection.prepareStatement(String)}. */
    public static final class Prepare {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object connection, @Advice.Argument(0) String sql) {
            return JdbcHooks.prepareForKeys(connection, sql);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (answer != null) {
                if (answer.thrown != null) {
                    thrown = answer.thrown;
                } else {
                    result = answer.value;
                }
            }
        }
    }

    /** {@code prepareStatement(String, int)}, {@code (String, int[])} and {@code (String, String[])}. */
    public static final class PrepareAsking {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object request,
                         @Advice.Return Object statement) {
            JdbcHooks.onKeysRequested(statement, request);
        }
    }

    /** {@code execute/executeUpdate/executeLargeUpdate(String)} of a plain statement. */
    public static final class Execute {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object statement, @Advice.Argument(0) String sql,
                                 @Advice.Origin("#m") String method) {
            return JdbcHooks.executeForKeys(statement, sql, method);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (answer != null) {
                if (answer.thrown != null) {
                    thrown = answer.thrown;
                } else {
                    result = answer.value;
                }
            }
        }
    }

    /** {@code execute/executeUpdate/executeLargeUpdate(String, int | int[] | String[])}: noted before it runs. */
    public static final class ExecuteAsking {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object statement,
                          @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object request) {
            JdbcHooks.onKeysRequested(statement, request);
        }
    }

    /** {@code getGeneratedKeys()}. */
    public static final class GetGeneratedKeys {
        @Advice.OnMethodEnter(skipOn = AgentAnswer.class, suppress = Throwable.class)
        static AgentAnswer enter(@Advice.This Object statement) {
            return JdbcHooks.generatedKeys(statement);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter AgentAnswer answer,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (answer != null) {
                if (answer.thrown != null) {
                    thrown = answer.thrown;
                } else {
                    result = answer.value;
                }
            }
        }
    }
}
