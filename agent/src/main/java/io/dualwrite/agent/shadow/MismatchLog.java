package io.dualwrite.agent.shadow;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.config.Redaction;
import io.dualwrite.agent.journal.OwnerOnlyFiles;
import io.dualwrite.agent.sql.SqlMasking;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Appends one JSON line per mismatch to a file readable by its owner only: the lines hold the application's
 * queries and, unless masked, its data. With masking, literals in the SQL and every value (bound or read) are
 * replaced, and only whether a value was NULL is left. Writing never fails the caller: a failure is counted and
 * the first one logged, and the file is opened afresh for the next line.
 */
public final class MismatchLog implements AutoCloseable {

    private final Path file;
    private volatile boolean maskValues;
    private final Logger log;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private Writer out;
    private boolean closed;

    /** Creates nothing yet: the file (0600) and its directory (0700) are made with the first line. */
    public MismatchLog(Path file, boolean maskValues, Logger log) {
        this.file = file.toAbsolutePath().normalize();
        this.maskValues = maskValues;
        this.log = log;
    }

    /** Appends the line for a mismatch of {@code sql} run with {@code parameters} (null entries are skipped). */
    public void append(String sql, Parameter[] parameters, Mismatch mismatch) {
        String line;
        try {
            line = render(Instant.now(), sql, parameters, mismatch);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                if (out == null) {
                    out = open();
                }
                out.write(line);
                out.write('\n');
                out.flush();
                written.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                closeQuietly();
                fail(e);
            }
        }
    }

    String render(Instant time, String sql, Parameter[] parameters, Mismatch mismatch) {
        StringBuilder json = new StringBuilder(256).append('{');
        json.append("\"time\":").append(JsonRecord.quote(time.toString()))
                .append(",\"sql\":").append(sql == null ? "null" : JsonRecord.quote(maskValues ? SqlMasking.mask(sql) : sql))
                .append(",\"parameters\":[");
        boolean first = true;
        for (Parameter parameter : parameters == null ? new Parameter[0] : parameters) {
            if (parameter != null) {
                json.append(first ? "" : ",");
                if (maskValues) {
                    json.append(JsonRecord.quote(Redaction.MASK));
                } else {
                    JsonRecord.value(json, parameter.value());
                }
                first = false;
            }
        }
        json.append("],\"kind\":").append(JsonRecord.quote(mismatch.kind().name()))
                .append(",\"row\":").append(mismatch.row() >= 0 ? String.valueOf(mismatch.row()) : "null")
                .append(",\"column\":").append(mismatch.column() == null ? "null" : JsonRecord.quote(mismatch.column()))
                .append(",\"primary\":").append(value(mismatch.primaryValue()))
                .append(",\"secondary\":").append(value(mismatch.secondaryValue()))
                .append(",\"primaryRows\":").append(mismatch.primaryRows())
                .append(",\"secondaryRows\":").append(mismatch.secondaryRows());
        return json.append('}').toString();
    }

    private String value(String value) {
        if (value == null) {
            return "null";
        }
        return JsonRecord.quote(maskValues ? Redaction.MASK : value);
    }

    private Writer open() throws IOException {
        OwnerOnlyFiles files = OwnerOnlyFiles.prepare(file.getParent());
        try {
            files.createFile(file);
        } catch (FileAlreadyExistsException existing) {
            files.restrict(file);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private void fail(Exception e) {
        if (failures.getAndIncrement() == 0) {
            log.warn("cannot write the shadow reads' mismatch log {}: {}; mismatches are counted but not logged "
                    + "while this lasts, and later failures are not reported", file, e.toString());
        }
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the failure that brought us here is the one reported
            }
            out = null;
        }
    }

    /** Lines written so far. */
    /** Changes {@code reads.mask-values} while the application runs. */
    public void maskValues(boolean mask) {
        maskValues = mask;
    }

    public long written() {
        return written.get();
    }

    /** Lines that could not be written. */
    public long failures() {
        return failures.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly();
    }
}
