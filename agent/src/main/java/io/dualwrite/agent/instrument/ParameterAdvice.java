package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice on the {@code PreparedStatement.setXxx(int, ...)} methods. The setter travels as its name and
 * descriptor, a constant in the instrumented code, so the mirror can call the very same setter on the
 * secondary without a reflective look-up per call.
 */
public final class ParameterAdvice {

    private ParameterAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object statement, @Advice.Origin("#m#d") String setter,
                     @Advice.AllArguments Object[] args) {
        JdbcHooks.onParameter(statement, setter, args);
    }

    /**
     * Stream and reader setters: the driver consumes the application's stream once, so before it does,
     * the stream is read into memory and the driver gets a copy that the mirror can read again.
     */
    public static final class ReplayableStream {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object statement,
                          @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object stream,
                          @Advice.AllArguments Object[] args) {
            stream = JdbcHooks.replayableStream(statement, stream, args);
        }
    }
}
