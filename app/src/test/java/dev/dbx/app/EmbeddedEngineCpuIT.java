package dev.dbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.os.NativeThreads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * DuckDB runs a query on worker threads it starts from native code, inside dbx's JVM: {@link NativeThreads} finds
 * their CPU, which the benchmark runner reports as the embedded engine's own (the case NativeThreadsTest cannot make).
 */
class EmbeddedEngineCpuIT {
    @Test
    void duckDbsOwnWorkerThreadsAreCounted() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("SET threads = 2");
            NativeThreads natives = new NativeThreads();
            natives.sinceLast();
            long work = 0;
            for (int i = 0; i < 3; i++) {
                try (ResultSet rs = s.executeQuery("SELECT sum(i % 7) FROM range(150000000) t(i)")) {
                    rs.next();
                    work += rs.getLong(1);
                }
            }
            assertThat(work).isPositive();
            // DuckDB splits the scan between the calling (Java) thread and its own worker: the worker's share shows
            assertThat(natives.sinceLast().orElseThrow()).isGreaterThan(20_000_000L);
        }
    }
}
