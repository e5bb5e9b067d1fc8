package dev.dbx.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.dbx.workloads.runner.StoreRun;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What the charts are given to draw, checked against the model. */
class ChartsTest {
    private final RunView openLoop = RunView.of(ReportFixtures.openLoopRun());
    private final List<Chart> charts = new Charts(new Palette(List.of(openLoop))).of(openLoop);

    @Test
    void thePercentileCurveIsTheHistogramAtEachPercentileUntilItsCountRunsOut() {
        Chart.Plot plot = chart("Latency by percentile").plot();
        // redis finished fewer operations than postgres: its curve stops before the axis ends
        StoreRun redis = openLoop.run().results().get(1);
        Histogram response = redis.response();
        Chart.Series curve = series(plot, "redis");

        assertThat(plot.x().getFirst()).isEqualTo(1.0);
        int at99 = index(plot.x(), 100); // 1/(1-0.99)
        assertThat(curve.values().get(at99)).isEqualTo(response.getValueAtPercentile(99) / 1000.0);
        int at999 = index(plot.x(), 1000);
        assertThat(curve.values().get(at999)).isEqualTo(response.getValueAtPercentile(99.9) / 1000.0);
        // drawn up to the first point at or past one operation in the count, then nothing
        int last = curve.values()
                .lastIndexOf(curve.values().stream()
                        .filter(v -> v != null)
                        .reduce((a, b) -> b)
                        .orElseThrow());
        assertThat(plot.x().get(last)).isGreaterThanOrEqualTo((double) response.getTotalCount());
        assertThat(plot.x().get(last - 1)).isLessThan((double) response.getTotalCount());
        assertThat(curve.values().subList(last + 1, curve.values().size()))
                .isNotEmpty()
                .containsOnlyNulls();
    }

    @Test
    void serviceTimeIsDrawnDashedOnlyWhereItDiffers() {
        assertThat(chart("Latency by percentile").plot().series())
                .extracting(Chart.Series::label, Chart.Series::dashed)
                .containsExactly(
                        tuple("postgres", false),
                        tuple("postgres (service)", true),
                        tuple("redis", false),
                        tuple("redis (service)", true));
        RunView closedLoop = RunView.of(ReportFixtures.threadSweep().getFirst());
        Chart percentiles =
                new Charts(new Palette(List.of(closedLoop))).of(closedLoop).getFirst();
        assertThat(percentiles.plot().series()).extracting(Chart.Series::label).containsExactly("postgres", "sqlite");
    }

    @Test
    void aStoreThatDidNotRunIsInNoChart() {
        assertThat(chart("Throughput per store").plot().categories()).containsExactly("postgres", "redis");
        charts.forEach(c -> assertThat(c.plot().series())
                .extracting(Chart.Series::label)
                .noneMatch(label -> label.startsWith("clickhouse")));
    }

    @Test
    void anExternalServerHasNoServerLineAndTheChartSaysWhy() {
        Chart cpu = chart("CPU over time");
        assertThat(cpu.plot().series())
                .extracting(Chart.Series::label)
                .containsExactly("postgres server", "postgres dbx", "redis dbx");
        assertThat(cpu.notes()).containsExactly("redis: no server line, n/a: external server");
        assertThat(cpu.plot().x()).hasSize(ReportFixtures.SECONDS);
        StoreRun postgres = openLoop.run().results().getFirst();
        assertThat(series(cpu.plot(), "postgres server").values().get(4))
                .isCloseTo(postgres.resources().get(4).serverCpuPercent(), within(1e-9));
    }

    @Test
    void aValueThatIsNotANumberIsAGap() {
        Chart.Series series = new Chart.Series("s", "#000", false, Arrays.asList(1.0, Double.NaN, null, 2.0));
        assertThat(series.values()).containsExactly(1.0, null, null, 2.0);
    }

    private Chart chart(String title) {
        return charts.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    private static Chart.Series series(Chart.Plot plot, String label) {
        return plot.series().stream()
                .filter(s -> s.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private static int index(List<Double> x, double value) {
        for (int i = 0; i < x.size(); i++) {
            if (Math.abs(x.get(i) - value) < 1e-6 * value) {
                return i;
            }
        }
        throw new AssertionError(value + " is not on the x axis");
    }
}
