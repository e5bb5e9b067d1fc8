package dev.dbx.workloads.query;

import java.time.Duration;
import java.util.Optional;

/**
 * One query of a {@link QuerySuite} as one store runs it: executed (and timed) by the runner, then checked, so checking
 * never counts in its time.
 *
 * @param <A> the answer's type
 */
public interface SuiteQuery<A> {
    /** E.g. "q05", "phrase", "co-purchase". */
    String name();

    /** Why this store cannot run it (n/a), or empty. */
    Optional<String> unsupported();

    /** Runs it once; the engine cancels it after {@code timeout} where it can. */
    A execute(Duration timeout);

    /** Whether {@code answer} is right: right, wrong with the first difference, or unchecked with why. */
    Verdict check(A answer);

    /**
     * A short text identifying the answer, equal for equal answers: suites whose answers are compared across stores
     * (rather than with a ground truth) compare these.
     */
    default String digest(A answer) {
        return Integer.toHexString(String.valueOf(answer).hashCode());
    }
}
