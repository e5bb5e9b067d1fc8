package dev.dbx.sync.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionsTest {
    @Test
    void anEventIsRejectedWhenTheTargetWroteAnotherOfItsBatch() {
        assertThat(Rejections.mayReject(true, 50, 0)).isTrue();
        assertThat(Rejections.mayReject(true, 50, 1_000)).isTrue();
    }

    @Test
    void aBatchWhoseEveryEventFailedWaitsInsteadOfBeingDeadLettered() {
        assertThat(Rejections.mayReject(false, 50, 0)).isFalse();
        assertThat(Rejections.mayReject(false, 2, 0)).isFalse();
    }

    @Test
    void aLoneEventIsRejectedUntilTooManyWereInARow() {
        assertThat(Rejections.mayReject(false, 1, 0)).isTrue();
        assertThat(Rejections.mayReject(false, 1, Rejections.MAX_IN_A_ROW - 1)).isTrue();
        assertThat(Rejections.mayReject(false, 1, Rejections.MAX_IN_A_ROW)).isFalse();
    }
}
