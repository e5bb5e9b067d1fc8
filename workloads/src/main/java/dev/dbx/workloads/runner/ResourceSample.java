package dev.dbx.workloads.runner;

/**
 * What the server and dbx used in one second of a measured run.
 *
 * @param second seconds since measuring began
 * @param serverCpuPercent CPU of the server's process tree, in percent of one core (200 = two cores busy); null when
 *     the server is not a process here (external), or is dbx itself (embedded: see dbx's own)
 * @param serverMemoryBytes memory of the server's process tree (PSS), or null
 * @param dbxCpuPercent dbx's JVM, in percent of one core (an embedded store's work included)
 * @param dbxHeapBytes dbx's heap in use
 * @param dbxGcMillis milliseconds dbx spent in garbage collection in this second
 */
public record ResourceSample(
        long second,
        Double serverCpuPercent,
        Long serverMemoryBytes,
        double dbxCpuPercent,
        long dbxHeapBytes,
        long dbxGcMillis) {}
