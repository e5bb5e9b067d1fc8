package dev.dbx.workloads.runner;

/**
 * One second of a measured run.
 *
 * @param second seconds since measuring began (the first is 1)
 * @param operations operations that finished in it, all kinds
 * @param errors operations that failed in it
 * @param p50Micros median response time, or 0 when none finished
 * @param p99Micros 99th percentile response time
 * @param maxMicros slowest response
 */
public record Second(long second, long operations, long errors, long p50Micros, long p99Micros, long maxMicros) {}
