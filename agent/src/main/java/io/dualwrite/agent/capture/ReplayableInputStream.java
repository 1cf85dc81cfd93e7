package io.dualwrite.agent.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What the driver reads in place of the application's stream: the same bytes, kept for the mirror. */
final class ReplayableInputStream extends ByteArrayInputStream {

    private ReplayableInputStream(byte[] content) {
        super(content);
    }

    /**
     * Reads {@code source} to its end, or {@code limit} bytes when {@code limit >= 0}, as the driver would.
     * A read error is kept and thrown to the driver when it reaches that point, as the original would.
     */
    static InputStream of(InputStream source, long limit) {
        byte[] buffer = new byte[limit >= 0 ? (int) Math.min(limit, 8192) : 8192];
        int size = 0;
        try {
            while (limit < 0 || size < limit) {
                if (size == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, grow(size, limit));
                }
                int n = source.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
            }
        } catch (IOException e) {
            return new java.io.SequenceInputStream(new ByteArrayInputStream(buffer, 0, size), failing(e));
        }
        return new ReplayableInputStream(size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size));
    }

    static int grow(int size, long limit) {
        long doubled = Math.max(16L, size * 2L);
        long capped = limit >= 0 ? Math.min(doubled, limit) : doubled;
        if (capped > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a stream parameter larger than 2 GB cannot be mirrored");
        }
        return (int) capped;
    }

    private static InputStream failing(IOException failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
    }

    byte[] content() {
        return buf;
    }
}
