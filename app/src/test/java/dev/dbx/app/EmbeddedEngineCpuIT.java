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
            // a table's scan is split by row groups over DuckDB's threads (range() alone is not parallel)
            s.execute("CREATE TABLE t AS SELECT i FROM range(20000000) t(i)");
            NativeThreads natives = new NativeThreads();
            natives.sinceLast();
            // the calling (Java) thread and DuckDB's own worker share each scan; how much the worker gets depends on
            // the machine's load, so run queries until its share is clear, or give up after 20 (with threads = 1:
            // under 2 ms in all)
            long own = 0;
            for (int i = 0; i < 20 && own <= 50_000_000L; i++) {
                try (ResultSet rs = s.executeQuery("SELECT sum(i % 7) FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isPositive();
                }
                own += natives.sinceLast().orElseThrow();
            }
            assertThat(own).isGreaterThan(50_000_000L);
        }
    }
}
