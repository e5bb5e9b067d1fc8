package dev.dbx.sync.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetMeterTest {
    @Test
    void lagIsFromTheSourceCommitToTheAcknowledgedWriteAndSnapshotReadsAreNotCounted() {
        TargetMeter meter = new TargetMeter("sqlite");
        long ack = 1_000_000L;
        List<Long> commits = new ArrayList<>();
        for (int lag = 1; lag <= 100; lag++) {
            commits.add(ack - lag);
        }
        commits.add(0L); // a snapshot read: applied, but it has no commit time
        meter.applied(commits, ack);
        meter.deadLettered();
        TargetStatus status = meter.snapshot(7);
        assertThat(status.applied()).isEqualTo(101);
        assertThat(status.lagP50Ms()).isEqualTo(50);
        assertThat(status.lagP99Ms()).isEqualTo(99);
        assertThat(status.lagMaxMs()).isEqualTo(100);
        assertThat(status.lagMaxMs())
                .as("the snapshot read's 'lag' of %d ms is not counted", ack)
                .isLessThan(ack);
        assertThat(status.pending()).isEqualTo(7);
        assertThat(status.deadLettered()).isEqualTo(1);
        assertThat(status.eventsPerSec()).isPositive();

        // a later snapshot keeps the lag since the start, and its rate is over the time since the one before
        TargetStatus later = meter.snapshot(0);
        assertThat(later.lagMaxMs()).isEqualTo(100);
        assertThat(later.eventsPerSec()).isZero();
    }
}
