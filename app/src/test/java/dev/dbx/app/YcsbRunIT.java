package dev.dbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.Stores;
import dev.dbx.workloads.dataset.YcsbData;
import dev.dbx.workloads.dataset.YcsbSource;
import dev.dbx.workloads.load.DatasetLoader;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.RunConfig;
import dev.dbx.workloads.runner.Runner;
import dev.dbx.workloads.runner.StoreRun;
import dev.dbx.workloads.ycsb.YcsbWorkloads;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YCSB on a real embedded SQLite store, through the runner: a right store gives no wrong answer, and one value changed
 * behind dbx's back (through JDBC) fails a read-only run. It lives in app/ because workloads/ cannot depend on a store
 * module (the stores' contract tests depend on workloads/).
 */
class YcsbRunIT {
    private static final int RECORDS = 1_000;
    /** The scrambled zipfian's hottest record over 1,000 records (YCSB's key space is records + 1, the last redrawn). */
    private static final long HOTTEST = YcsbData.fnvhash64(0) % (RECORDS + 1);

    @TempDir
    Path dir;

    @Test
    void ycsbARunsRightOnSqliteAndAValueChangedBehindItsBackFailsAReadOnlyRun() throws Exception {
        Path file = dir.resolve("ycsb.sqlite");
        try (Store store =
                Stores.open(new StoreConfig("sqlite", new URI("sqlite", file.toString(), null), Duration.ofSeconds(10))
                        .withPoolSize(4))) {
            DatasetLoader.load(store, DatasetLoader.counting(new YcsbSource(RECORDS)), false);
            Runner runner = new Runner();

            StoreRun a = runner.run(YcsbWorkloads.named("ycsb-a", RECORDS, 100), store, ops(400), Runner.Listener.NONE);
            assertThat(a.status()).as(a.reason()).isEqualTo(StoreRun.Status.COMPLETE);
            assertThat(a.totalOperations()).isEqualTo(400);
            assertThat(a.operations()).extracting(OperationStats::name).containsExactly("read", "update");
            assertThat(a.operations()).allSatisfy(op -> assertThat(op.count()).isPositive());
            assertThat(a.errors()).isEmpty();
            assertThat(a.wrongAnswers()).isZero();
            assertThat(a.correct()).isTrue();

            String key = YcsbData.key(HOTTEST);
            String corrupted = corruptField3(file, key);

            StoreRun c = runner.run(YcsbWorkloads.named("ycsb-c", RECORDS, 100), store, ops(300), Runner.Listener.NONE);
            assertThat(c.errors()).isEmpty();
            assertThat(c.wrongAnswers()).isPositive();
            assertThat(c.correct()).isFalse();
            assertThat(c.reason()).isEqualTo(c.wrongAnswers() + " wrong answer(s)");
            assertThat(c.wrongExamples().getFirst())
                    .startsWith("read: read of record " + HOTTEST + " (" + key + "): field3 is corrupt at character 50")
                    .contains(corrupted.substring(0, 32));
        }
    }

    private static RunConfig ops(long operations) {
        return new RunConfig(2, false, null, operations, Duration.ZERO, 0, null, Duration.ofSeconds(10), 1);
    }

    /** Changes character 50 of {@code key}'s field3 through SQLite's own JDBC driver; returns the new value. */
    private static String corruptField3(Path file, String key) throws Exception {
        try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String value;
            try (PreparedStatement read = jdbc.prepareStatement("SELECT field3 FROM usertable WHERE ycsb_key = ?")) {
                read.setString(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    value = rs.getString(1);
                }
            }
            String corrupted = value.substring(0, 50) + (value.charAt(50) == 'Q' ? 'R' : 'Q') + value.substring(51);
            try (PreparedStatement write =
                    jdbc.prepareStatement("UPDATE usertable SET field3 = ? WHERE ycsb_key = ?")) {
                write.setString(1, corrupted);
                write.setString(2, key);
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
            return corrupted;
        }
    }
}
