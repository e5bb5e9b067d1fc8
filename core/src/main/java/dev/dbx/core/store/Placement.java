package dev.dbx.core.store;

/** Where a store's server runs, as far as dbx can know: reports print it, and it says what the runner can measure. */
public enum Placement {
    /** A server dbx started on this machine ({@code dbx up}): its own OS process, measurable by PID. */
    LOCAL_ENGINE("local engine"),
    /** A library inside dbx's own JVM (SQLite, DuckDB): its CPU and memory are dbx's. */
    EMBEDDED("embedded in dbx's JVM"),
    /** A server reached by URI that dbx did not start: only what its own statistics say about it. */
    EXTERNAL("external server");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    /** For people, e.g. "local engine". */
    public String label() {
        return label;
    }
}
