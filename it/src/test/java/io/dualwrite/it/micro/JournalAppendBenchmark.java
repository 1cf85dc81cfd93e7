package io.dualwrite.it.micro;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalOptions;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.it.Directories;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One append to the agent's journal of a typical record: a prepared five-value INSERT the secondary did not take,
 * encoded as the mirror journals it. With {@code fsync: never} (framing and writing alone) and the default
 * {@code batch} (each append waits for a group-commit fsync, which appends arriving meanwhile share), from one
 * thread and from four at once; the score is the time each appending thread waits per record.
 *
 * <p>The journal lives in a new temporary directory, deleted at the end; after each iteration everything is
 * checkpointed, so full segments are deleted and a long run does not fill the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalAppendBenchmark {

    @Param({"NEVER", "BATCH"})
    public FsyncMode fsync;

    private Path work;
    private Journal journal;
    private byte[] record;

    @Setup(Level.Trial)
    public void open() throws Exception {
        work = Files.createTempDirectory("dualwrite-journal-benchmark");
        journal = Journal.open(work.resolve("journal"), JournalOptions.defaults().withFsync(fsync));
        record = WriteCodec.encode(new UnappliedWrites("connection 1", "SQLException SQLState 08001: Connection refused",
                List.of(new PreparedWrite("INSERT INTO orders (id, customer, amount, created_at, paid) "
                        + "VALUES (?, ?, ?, ?, ?)", "INSERT orders", List.<Parameter[]>of(row()), false))));
    }

    private static Parameter[] row() {
        return new Parameter[] {
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, 1_000_042L}),
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {2, "customer-42"}),
            Parameter.restore(Setter.forKey("setBigDecimal(ILjava/math/BigDecimal;)V"),
                    new Object[] {3, new BigDecimal("129.90")}),
            Parameter.restore(Setter.forKey("setTimestamp(ILjava/sql/Timestamp;)V"),
                    new Object[] {4, new Timestamp(1_796_464_800_000L)}),
            Parameter.restore(Setter.forKey("setBoolean(IZ)V"), new Object[] {5, true}),
        };
    }

    @Benchmark
    @Threads(1)
    public long appendOneThread() throws IOException {
        return journal.append(record);
    }

    @Benchmark
    @Threads(4)
    public long appendFourThreads() throws IOException {
        return journal.append(record);
    }

    /** Every append has returned by now, so every record is on disk and may be checkpointed. */
    @TearDown(Level.Iteration)
    public void checkpoint() throws IOException {
        journal.checkpoint(journal.lastSequence());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        Directories.deleteRecursively(work);
    }
}
