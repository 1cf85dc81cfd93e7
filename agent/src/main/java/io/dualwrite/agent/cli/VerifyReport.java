package io.dualwrite.agent.cli;

import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.reconcile.Difference;
import io.dualwrite.agent.reconcile.ReconcileTable;
import io.dualwrite.agent.reconcile.TableCounts;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code verify --report FILE.json}: one JSON document with every differing key, written as they are found so
 * that memory does not grow with them, readable by its owner only (keys are data). No other value is in it.
 */
final class VerifyReport implements AutoCloseable {

    private final Writer out;
    private boolean firstTable = true;
    private boolean firstDifference;

    private VerifyReport(Writer out) {
        this.out = out;
    }

    static VerifyReport create(Path file, String primary, String secondary) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        VerifyReport report = new VerifyReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        report.out.write("{\"primary\":" + JsonRecord.quote(primary) + ",\"secondary\":" + JsonRecord.quote(secondary)
                + ",\"tables\":[");
        return report;
    }

    void startTable(ReconcileTable table) throws IOException {
        out.write((firstTable ? "" : ",") + "\n{\"table\":" + JsonRecord.quote(table.name()) + ",\"key\":[");
        firstTable = false;
        for (int i = 0; i < table.keyColumns().size(); i++) {
            out.write((i == 0 ? "" : ",") + JsonRecord.quote(table.keyColumns().get(i)));
        }
        out.write("],\"differences\":[");
        firstDifference = true;
    }

    void difference(Difference difference) throws IOException {
        out.write((firstDifference ? "" : ",") + "\n{\"kind\":\"" + difference.kind().label() + "\",\"key\":"
                + difference.keyJson());
        if (!difference.columns().isEmpty()) {
            out.write(",\"columns\":[");
            for (int i = 0; i < difference.columns().size(); i++) {
                out.write((i == 0 ? "" : ",") + JsonRecord.quote(difference.columns().get(i)));
            }
            out.write(']');
        }
        out.write('}');
        firstDifference = false;
    }

    /** @param complete false when the verification stopped before the end of the table */
    void endTable(TableCounts counts, boolean complete) throws IOException {
        out.write("],\"compared\":" + counts.compared() + ",\"missing\":" + counts.missing() + ",\"extra\":"
                + counts.extra() + ",\"different\":" + counts.different() + (complete ? "" : ",\"stopped\":true")
                + "}");
    }

    /** A table that could not be compared, or whose comparison failed part-way. */
    void tableError(String table, String error, boolean started) throws IOException {
        if (started) {
            out.write("],\"error\":" + JsonRecord.quote(error) + "}");
            return;
        }
        out.write((firstTable ? "" : ",") + "\n{\"table\":" + JsonRecord.quote(table) + ",\"error\":"
                + JsonRecord.quote(error) + "}");
        firstTable = false;
    }

    /** @param result {@code equal}, {@code different} or {@code error} */
    void finish(String result) throws IOException {
        out.write("],\n\"result\":\"" + result + "\"}\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
