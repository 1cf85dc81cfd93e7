package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;

/** On {@code Driver.connect(String, Properties)}: learns the URL of every connection the application opens. */
public final class DriverAdvice {

    private DriverAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(0) String url, @Advice.Return Object connection) {
        JdbcHooks.onConnect(url, connection);
    }
}
