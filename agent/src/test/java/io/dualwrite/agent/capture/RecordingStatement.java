package io.dualwrite.agent.capture;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A PreparedStatement that records the setter calls it receives. */
final class RecordingStatement {

    final List<String> calls = new ArrayList<>();

    PreparedStatement statement() {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.deepToString(args));
                    return null;
                });
    }
}
