package dev.dbx.workloads.runner;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of one operation kind, recorded by many threads without locks (HdrHistogram's {@link Recorder}: a
 * writer never waits), read as a whole at the end and second by second while the run goes on. Microseconds, 3
 * significant digits, up to an hour.
 */
final class Recorders {
    static final long HIGHEST_MICROS = 3_600_000_000L;
    static final int DIGITS = 3;

    private final Recorder service = new Recorder(HIGHEST_MICROS, DIGITS);
    private final Recorder response = new Recorder(HIGHEST_MICROS, DIGITS);
    private final Histogram serviceTotal = new Histogram(HIGHEST_MICROS, DIGITS);
    private final Histogram responseTotal = new Histogram(HIGHEST_MICROS, DIGITS);
    private Histogram serviceInterval;
    private Histogram responseInterval;

    void record(long serviceMicros, long responseMicros) {
        service.recordValue(clamp(serviceMicros));
        response.recordValue(clamp(responseMicros));
    }

    /** What was recorded since the last call, added to the totals too. Called by one thread (the runner's ticker). */
    synchronized Histogram interval() {
        serviceInterval = service.getIntervalHistogram(serviceInterval);
        responseInterval = response.getIntervalHistogram(responseInterval);
        serviceTotal.add(serviceInterval);
        responseTotal.add(responseInterval);
        return responseInterval;
    }

    /** Everything recorded, after a last {@link #interval()}. */
    synchronized Histogram serviceTotal() {
        interval();
        return serviceTotal.copy();
    }

    synchronized Histogram responseTotal() {
        interval();
        return responseTotal.copy();
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(HIGHEST_MICROS, micros));
    }
}
