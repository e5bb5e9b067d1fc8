package dev.dbx.workloads.query;

import java.util.List;

/**
 * One query's result on one store: its cold time (the first run, after caches were dropped), its hot time (the fastest
 * of the later runs), every run's time, and whether its answers were right.
 *
 * @param coldMs null when it did not run
 * @param hotMs null when it did not run more than once
 * @param runsMs every run's time, cold first
 * @param correct true, false (wrong or failed), or null (n/a, or nothing to check against)
 * @param reason why it is not correct, or why n/a; null when correct
 * @param digest the answer's digest, for suites compared across stores; null when it did not run
 */
public record QueryResult(
        String query, Double coldMs, Double hotMs, List<Double> runsMs, Boolean correct, String reason, String digest) {
    public QueryResult {
        runsMs = List.copyOf(runsMs);
    }

    public static QueryResult notApplicable(String query, String reason) {
        return new QueryResult(query, null, null, List.of(), null, "n/a: " + reason, null);
    }

    public boolean ran() {
        return coldMs != null;
    }

    public QueryResult wrong(String why) {
        return new QueryResult(query, coldMs, hotMs, runsMs, false, why, digest);
    }
}
