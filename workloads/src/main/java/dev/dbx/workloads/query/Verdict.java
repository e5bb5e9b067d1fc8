package dev.dbx.workloads.query;

/**
 * Whether a query's answer was right: {@code correct} true, false (a wrong answer, or the query failed), or null when
 * there was nothing to check it against or the query did not run (n/a); {@code reason} says why when it is not true.
 */
public record Verdict(Boolean correct, String reason) {
    public static Verdict right() {
        return new Verdict(true, null);
    }

    public static Verdict wrong(String reason) {
        return new Verdict(false, reason);
    }

    public static Verdict unchecked(String reason) {
        return new Verdict(null, reason);
    }

    public boolean isWrong() {
        return Boolean.FALSE.equals(correct);
    }
}
