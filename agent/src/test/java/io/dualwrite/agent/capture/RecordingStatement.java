package io.dualwrite.agent.capture;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A PreparedStatement that records the setter calls it receives, reading streams to their content. */
final class RecordingStatement {

    final List<String> calls = new ArrayList<>();

    PreparedStatement statement() {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.deepToString(readStreams(args)));
                    return null;
                });
    }

    private static Object[] readStreams(Object[] args) throws Exception {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof InputStream) {
                shown[i] = "bytes" + Arrays.toString(((InputStream) shown[i]).readAllBytes());
            } else if (shown[i] instanceof Reader) {
                StringBuilder text = new StringBuilder();
                for (int c; (c = ((Reader) shown[i]).read()) >= 0; ) {
                    text.append((char) c);
                }
                shown[i] = "chars[" + text + "]";
            }
        }
        return shown;
    }
}
