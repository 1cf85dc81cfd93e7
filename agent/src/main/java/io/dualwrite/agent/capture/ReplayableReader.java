package io.dualwrite.agent.capture;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/** What the driver reads in place of the application's reader: the same characters, kept for the mirror. */
final class ReplayableReader extends CharArrayReader {

    private ReplayableReader(char[] content) {
        super(content);
    }

    /** Reads {@code source} like {@link ReplayableInputStream#of}, in characters. */
    static Reader of(Reader source, long limit) {
        char[] buffer = new char[limit >= 0 ? (int) Math.min(limit, 8192) : 8192];
        int size = 0;
        try {
            while (limit < 0 || size < limit) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, ReplayableInputStream.grow(size, limit));
                }
                int n = source.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
            }
        } catch (IOException e) {
            char[] read = Arrays.copyOf(buffer, size);
            return new Reader() {
                private int position;

                @Override
                public int read(char[] target, int offset, int length) throws IOException {
                    if (position == read.length) {
                        throw e;
                    }
                    int n = Math.min(length, read.length - position);
                    System.arraycopy(read, position, target, offset, n);
                    position += n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }
        return new ReplayableReader(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    char[] content() {
        return buf;
    }
}
