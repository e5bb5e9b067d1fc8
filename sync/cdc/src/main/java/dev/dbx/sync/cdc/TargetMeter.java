package dev.dbx.sync.cdc;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A target's counters and its lag histogram (HdrHistogram: milliseconds, 3 significant digits, up to a day), written
 * by its applier thread and read by the status thread without locks on the applier's side.
 */
final class TargetMeter {
    static final long HIGHEST_LAG_MILLIS = 86_400_000L;

    private final String target;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Recorder lag = new Recorder(HIGHEST_LAG_MILLIS, 3);
    private final Histogram lagTotal = new Histogram(HIGHEST_LAG_MILLIS, 3);
    private Histogram lagInterval;
    private long lastNanos = System.nanoTime();
    private long lastApplied;
    private volatile String lastError;

    TargetMeter(String target) {
        this.target = target;
    }

    /** Changes whose write the target acknowledged at {@code ackMillis}; their source commit times give the lag. */
    void applied(List<Long> committedAtMillis, long ackMillis) {
        for (long committedAt : committedAtMillis) {
            if (committedAt > 0) {
                lag.recordValue(Math.clamp(ackMillis - committedAt, 0, HIGHEST_LAG_MILLIS));
            }
        }
        applied.addAndGet(committedAtMillis.size());
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    void retried(String error) {
        retries.incrementAndGet();
        lastError = error;
    }

    long appliedCount() {
        return applied.get();
    }

    long deadLetteredCount() {
        return deadLettered.get();
    }

    long retries() {
        return retries.get();
    }

    /** The last failure that made the applier wait and try again, or null. */
    String lastError() {
        return lastError;
    }

    /**
     * The lag of every streamed change applied so far (as of the last {@link #snapshot}), in microseconds: the unit
     * stored runs keep their latencies in.
     */
    synchronized Histogram lagMicros() {
        Histogram micros = new Histogram(HIGHEST_LAG_MILLIS * 1000, 3);
        for (org.HdrHistogram.HistogramIterationValue v : lagTotal.recordedValues()) {
            micros.recordValueWithCount(v.getValueIteratedTo() * 1000, v.getCountAtValueIteratedTo());
        }
        return micros;
    }

    /** The figures now; the rate is over the time since the figures before. Called by one thread at a time. */
    synchronized TargetStatus snapshot(long pending) {
        lagInterval = lag.getIntervalHistogram(lagInterval);
        lagTotal.add(lagInterval);
        long now = System.nanoTime();
        long count = applied.get();
        double seconds = (now - lastNanos) / 1e9;
        double rate = seconds > 0 ? (count - lastApplied) / seconds : 0;
        lastNanos = now;
        lastApplied = count;
        boolean any = lagTotal.getTotalCount() > 0;
        return new TargetStatus(
                target,
                count,
                Math.round(rate * 10) / 10.0,
                any ? lagTotal.getValueAtPercentile(50) : 0,
                any ? lagTotal.getValueAtPercentile(99) : 0,
                any ? lagTotal.getMaxValue() : 0,
                pending,
                deadLettered.get());
    }
}
