package dev.dbx.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.StoreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
    private final List<BenchmarkRun> runs = ReportFixtures.all();
    private final String md = MarkdownReport.render(runs);

    @Test
    void theResultsTableHoldsTheModelsFigures() {
        StoreRun postgres = ReportFixtures.openLoopRun().results().getFirst();
        Histogram response = postgres.response();
        String expected = "| postgres | " + String.format(Locale.ROOT, "%,.1f", postgres.opsPerSecond()) + " | "
                + ms(response.getValueAtPercentile(50)) + " | " + ms(response.getValueAtPercentile(95)) + " | "
                + ms(response.getValueAtPercentile(99)) + " | " + ms(response.getValueAtPercentile(99.9)) + " | "
                + ms(response.getMaxValue()) + " | 0 | 0 |";
        assertThat(md).contains(expected);
        assertThat(md).contains("| clickhouse | – | – | – | – | – | – | 0 | 0 |");
        assertThat(md).contains("failed: n/a: the store has no key-value capability");
    }

    @Test
    void theChartsAreSummarisedAsFigures() {
        StoreRun postgres = ReportFixtures.openLoopRun().results().getFirst();
        assertThat(md).contains("**Latency by percentile (ms): the percentile curves at their landmarks**");
        // open loop: response and service time both, as the chart draws both
        assertThat(md)
                .contains("| postgres | response | " + ms(postgres.response().getValueAtPercentile(50)) + " |")
                .contains("| postgres | service | " + ms(postgres.service().getValueAtPercentile(50)) + " |");
        assertThat(md).contains("**Over time: throughput and p99 second by second**");
        assertThat(md).contains("| postgres | 20 |");
        assertThat(md).contains("**Resources over the run: the server's process tree and dbx's own JVM**");
        assertThat(md).contains("n/a: external server").contains("embedded in dbx's JVM (its work is in dbx's CPU)");
    }

    @Test
    void aSweepIsATableWithEachStoresSaturationPoint() {
        assertThat(md).contains("## Sweep of threads: ycsb-c");
        assertThat(md)
                .contains("| threads | postgres ops/s | postgres p99 ms | sqlite ops/s | sqlite p99 ms |")
                .contains("| threads=1 |")
                .contains("| threads=2 |")
                .contains("| threads=4 |");
        assertThat(md)
                .containsPattern("- postgres: saturates at \\d+ threads? \\([0-9,]+ ops/s, p99 [0-9.]+ ms\\); peak")
                .containsPattern("- sqlite: saturates at \\d+ threads?");
    }

    @Test
    void whatAReaderMustKnowIsSaid() {
        assertThat(md).contains("- Closed loop: each thread starts its next operation when its last one ends");
        assertThat(md)
                .contains("The stores ran with different durability settings")
                .contains("postgres: synchronous\\_commit=on, fsync=on; redis: appendonly=no");
        assertThat(md).contains("- clickhouse did not run: n/a: the store has no key-value capability.");
    }

    @Test
    void hostileValuesStayInsideTheirCell() {
        assertThat(md).doesNotContain("<script>").doesNotContain("<b>");
        assertThat(md)
                .contains("Redis 7.0.15 &lt;script&gt;window.hostile = 1&lt;/script&gt; &amp; \"quoted\" \\| piped");
        // every row of every table has as many cells as its header: no value split a row
        String[] lines = md.split("\n");
        int columns = -1;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = line.replace("\\|", "").split("\\|", -1).length;
            if (columns < 0) {
                columns = cells;
            }
            assertThat(cells).as(line).isEqualTo(columns);
        }
    }

    @Test
    void writesTheFileWholeReplacingAnOldOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.md");
        Files.writeString(out, "an older report, longer than nothing".repeat(1_000));
        MarkdownReport.write(runs, out);
        assertThat(Files.readString(out)).isEqualTo(md);
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".part"));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%,.3f", micros / 1000.0);
    }
}
