package dev.dbx.core.store;

import java.util.OptionalLong;

/**
 * Which process on this machine serves a store, so a benchmark can sample its CPU and memory. Asked again at each
 * sample: a local engine restarted during a run has a new PID.
 */
@FunctionalInterface
public interface ResourceProbe {
    /** Nothing on this machine to measure (an external server). */
    ResourceProbe NONE = OptionalLong::empty;

    /** The PID of the process (with its descendants) that serves the store now, or empty when there is none here. */
    OptionalLong pid();

    /** dbx's own process: the probe of an embedded store. */
    static ResourceProbe thisProcess() {
        long pid = ProcessHandle.current().pid();
        return () -> OptionalLong.of(pid);
    }
}
