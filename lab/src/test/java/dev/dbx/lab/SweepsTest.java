package dev.dbx.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepsTest {
    private static Sweeps.Point at(double value, double ops, double p99Ms) {
        return new Sweeps.Point(value, ops, p99Ms);
    }

    @Test
    void threadsSaturateWhereThroughputFirstReachesNearlyItsPeak() {
        Sweeps.Saturation s = Sweeps.byThreads(
                "postgres",
                List.of(
                        at(1, 10_000, 0.3),
                        at(2, 18_000, 0.4),
                        at(4, 28_000, 0.6),
                        at(8, 29_000, 2.7),
                        at(16, 27_000, 6)));
        assertThat(s.point()).isEqualTo(4);
        assertThat(s.opsPerSecond()).isEqualTo(28_000);
        assertThat(s.summary()).isEqualTo("saturates at 4 threads (28,000 ops/s, p99 0.60 ms); peak 29,000 ops/s at 8");
    }

    @Test
    void oneNoisyStepDoesNotStopTheSearchWhileTheCurveGoesOnRising() {
        // measured (redis, ycsb-c): the 2-thread step fell while the machine was busy; the curve rose to 16 threads
        Sweeps.Saturation s = Sweeps.byThreads(
                "redis",
                List.of(
                        at(1, 7_455, 0.64),
                        at(2, 6_122, 4.29),
                        at(4, 16_886, 0.79),
                        at(8, 19_875, 1.5),
                        at(16, 25_196, 2.75),
                        at(32, 25_107, 3.99)));
        assertThat(s.point()).isEqualTo(16);
    }

    @Test
    void aStoreThatNeverScalesSaturatesAtTheFirstStep() {
        Sweeps.Saturation s =
                Sweeps.byThreads("sqlite", List.of(at(1, 14_000, 0.2), at(2, 13_500, 0.5), at(4, 13_900, 1.1)));
        assertThat(s.point()).isEqualTo(1);
        assertThat(s.summary()).startsWith("saturates at 1 thread (");
    }

    @Test
    void aRateIsKeptUpWithWhileNearlyAllOfItIsDoneAtAP99NearTheUnloadedOne() {
        Sweeps.Saturation s = Sweeps.byRate(
                "redis",
                List.of(at(1_000, 1_000, 0.5), at(2_000, 1_990, 0.7), at(4_000, 3_900, 4.0), at(8_000, 6_000, 250)));
        assertThat(s.point()).isEqualTo(4_000);
        Sweeps.Saturation none = Sweeps.byRate("neo4j", List.of(at(1_000, 400, 90), at(2_000, 410, 200)));
        assertThat(none.point()).isZero();
        assertThat(none.summary()).startsWith("keeps up with none of the rates");
    }
}
