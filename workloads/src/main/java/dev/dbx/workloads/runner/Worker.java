package dev.dbx.workloads.runner;

/**
 * One thread's share of a workload: not thread-safe, made and used on one thread. The runner asks it to
 * {@link #choose} the next operation (so an operation that fails is still counted as what it was), then to
 * {@link #perform} it, and times only that.
 */
public interface Worker extends AutoCloseable {
    /** The next operation of the mix (an index into {@link Workload#operations()}), with its arguments prepared. */
    int choose();

    /**
     * Performs the chosen operation. A wrong answer (a value that is not what was written) is a {@link WrongAnswer};
     * any other exception is an error of its kind.
     */
    void perform(int operation) throws Exception;

    /** Writes its session re-ran after losing a write conflict (see KeyValueSession), for the report. */
    default long conflictRetries() {
        return 0;
    }

    @Override
    void close();
}
