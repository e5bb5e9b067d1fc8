package dev.dbx.core.query;

/**
 * What a small write workload on one table costs: {@code rows} copies of existing rows (under new keys) inserted, then
 * deleted, in a transaction that is rolled back, so nothing is kept. Run before and after indexes are added, it shows
 * what they cost every write.
 *
 * @param table the table written
 * @param rows rows inserted and deleted
 * @param insertMs the insert's time (the fastest of the repetitions)
 * @param deleteMs the delete's time (the fastest of the repetitions)
 * @param method how it was done, in words
 */
public record WriteCost(String table, int rows, double insertMs, double deleteMs, String method) {}
