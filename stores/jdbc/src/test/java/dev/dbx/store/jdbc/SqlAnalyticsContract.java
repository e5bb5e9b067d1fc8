package dev.dbx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.capability.Analytics;
import dev.dbx.core.os.ProcessTree;
import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.query.ResultTable;
import dev.dbx.store.testkit.StoreUnderTest;
import dev.dbx.workloads.query.Verdict;
import dev.dbx.workloads.tpch.AnswerCheck;
import dev.dbx.workloads.tpch.TpchAnswers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a SQL store's {@link SqlAnalytics} promises beyond the answers: it stops a runaway query on the engine at its
 * timeout (the caller gets a clear error soon after the deadline, the engine is no longer working on it, and the pool's
 * connections answer the next query), and a cold start's cache drop says what it emptied and what it kept.
 */
public interface SqlAnalyticsContract extends StoreUnderTest {
    /**
     * A three-way cross join (9e10 rows at SF 0.01) with a filter no engine can turn into a join or rule out from
     * column statistics: hours of work.
     */
    String RUNAWAY = "select count(*) from lineitem a, lineitem b, nation c"
            + " where (a.l_orderkey * 31 + b.l_orderkey + c.n_nationkey) % 1000003 = 7";

    /**
     * Asserts that the engine no longer runs {@code sql} (a server's own list of running statements; for an embedded
     * engine, the CPU this JVM uses).
     */
    void assertEngineStopped(String sql) throws Exception;

    @Test
    default void aRunawayQueryIsCancelledByTheEngineAtItsTimeout() throws Exception {
        SqlAnalytics analytics = (SqlAnalytics) store().require(Analytics.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> analytics.query("runaway", RUNAWAY, Duration.ofSeconds(1)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining(storeId() + ": runaway was cancelled by the engine after its timeout of 1 s");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));

        assertEngineStopped(RUNAWAY);

        // the connection that ran it went back to the pool in working order: the next queries answer as published
        for (int i = 0; i < 3; i++) {
            ResultTable q6 = analytics.run("tpch", "q06", Duration.ofSeconds(30));
            Verdict verdict =
                    AnswerCheck.check(TpchAnswers.answer(scale(), "q06").orElseThrow(), q6);
            assertThat(verdict.correct()).as(verdict.reason()).isTrue();
        }
    }

    /** What the engine keeps through {@link SqlAnalytics#dropCaches()}, in words its report would use. */
    String keptThroughACacheDrop();

    @Test
    default void aCacheDropSaysWhatItEmptiedAndWhatItKeptAndTheStoreStillAnswers() {
        SqlAnalytics analytics = (SqlAnalytics) store().require(Analytics.class);
        analytics.run("tpch", "q01", Duration.ofSeconds(30));
        CacheDrop drop = analytics.dropCaches();
        assertThat(drop.dropped()).isNotEmpty();
        assertThat(String.join("; ", drop.kept())).contains(keptThroughACacheDrop());
        ResultTable q1 = analytics.run("tpch", "q01", Duration.ofSeconds(30));
        Verdict verdict = AnswerCheck.check(TpchAnswers.answer(scale(), "q01").orElseThrow(), q1);
        assertThat(verdict.correct()).as(verdict.reason()).isTrue();
    }

    /** For an embedded engine: this JVM uses less than half a core over the second after the cancel. */
    static void assertThisJvmIsIdle() throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        long before = ProcessTree.cpuNanos(pid).orElseThrow();
        Thread.sleep(1000);
        long used = ProcessTree.cpuNanos(pid).orElseThrow() - before;
        assertThat(Duration.ofNanos(used))
                .as("CPU this JVM used in the second after the cancel (a query still running would use cores)")
                .isLessThan(Duration.ofMillis(500));
    }
}
