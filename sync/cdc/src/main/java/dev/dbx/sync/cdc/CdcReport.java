package dev.dbx.sync.cdc;

import java.time.Duration;
import java.util.List;

/**
 * What a stopped {@link CdcApply} did.
 *
 * @param status the last figures; each target's events per second is over the whole run
 * @param runs how each target's applier ran
 * @param ran how long the appliers ran
 */
public record CdcReport(SyncStatus status, List<TargetRun> runs, Duration ran) {
    public CdcReport {
        runs = List.copyOf(runs);
    }
}
