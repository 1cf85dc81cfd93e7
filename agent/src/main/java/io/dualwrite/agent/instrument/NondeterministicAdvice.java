package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice installed only with {@code writes.nondeterministic: rewrite}, so that other configurations pay nothing for
 * it. It must be registered before the other advice on the same methods, which makes it the outermost: what it
 * changes (the SQL, a parameter index) is then what the other advice sees.
 */
public final class NondeterministicAdvice {

    private NondeterministicAdvice() {
    }

    /** {@code prepareStatement(String, ...)}: the driver may get the SQL with its expressions as {@code ?}. */
    public static final class Prepare {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object connection, @Advice.Argument(value = 0, readOnly = false) String sql) {
            sql = JdbcHooks.prepareSql(connection, sql);
        }
    }

    /** {@code setXxx(int, ...)}: the application's index moves to where the rewritten SQL has that {@code ?}. */
    public static final class Setter {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object statement, @Advice.Argument(value = 0, readOnly = false) int index) {
            index = JdbcHooks.enterSetter(statement, index);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            JdbcHooks.exitRewritten();
        }
    }

    /** {@code execute()}, {@code executeUpdate()}, ... and {@code addBatch()}: the expressions' values are bound. */
    public static final class Execution {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object statement) {
            JdbcHooks.enterExecution(statement);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            JdbcHooks.exitRewritten();
        }
    }
}
