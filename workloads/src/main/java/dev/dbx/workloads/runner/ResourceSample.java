package dev.dbx.workloads.runner;

/**
 * What the server and dbx used in one second of a measured run.
 *
 * @param second seconds since measuring began
 * @param serverCpuPercent CPU of the server's process tree, in percent of one core (200 = two cores busy); for an
 *     external server, the CPU time it reports of itself over the time between two readings; null when nothing says
 *     (an external server that reports none, a failed reading), or the server is dbx itself (embedded: see dbx's own)
 * @param serverMemoryBytes memory of the server's process tree (PSS); for an external server, the memory it reports
 *     of itself (the run's placement names which figure); or null
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
