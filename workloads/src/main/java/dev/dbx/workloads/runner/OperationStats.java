package dev.dbx.workloads.runner;

import org.HdrHistogram.Histogram;

/**
 * One operation's measurements in a run, latencies in microseconds.
 *
 * @param name the operation, e.g. "read"
 * @param count operations that finished without error (wrong answers included: they answered)
 * @param errors operations that failed
 * @param service time from the operation's actual start to its end
 * @param response time from its intended start to its end: equal to service in a closed loop; in an open loop it
 *     includes the wait behind a stalled server (coordinated omission corrected)
 */
public record OperationStats(String name, long count, long errors, Histogram service, Histogram response) {}
