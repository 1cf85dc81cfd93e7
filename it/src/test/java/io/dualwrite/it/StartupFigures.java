package io.dualwrite.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the sample's {@code startup} command printed: milliseconds from the JVM's start to main and to the first write. */
final class StartupFigures {

    private static final Pattern MAIN = Pattern.compile("startup: main reached after (\\d+) ms");
    private static final Pattern FIRST_WRITE = Pattern.compile("startup: first write done after (\\d+) ms");

    final long toMainMillis;
    final long toFirstWriteMillis;

    private StartupFigures(long toMainMillis, long toFirstWriteMillis) {
        this.toMainMillis = toMainMillis;
        this.toFirstWriteMillis = toFirstWriteMillis;
    }

    static StartupFigures parse(String stdout) {
        return new StartupFigures(millis(MAIN, stdout), millis(FIRST_WRITE, stdout));
    }

    private static long millis(Pattern line, String stdout) {
        Matcher matcher = line.matcher(stdout);
        if (!matcher.find()) {
            throw new IllegalStateException("no line '" + line.pattern() + "' in:\n" + stdout);
        }
        return Long.parseLong(matcher.group(1));
    }
}
