-- YCSB's usertable. ClickHouse has no in-place UPDATE or DELETE of a row (ALTER TABLE ... UPDATE/DELETE mutations
-- rewrite whole parts, asynchronously), so every write appends a complete row version: ReplacingMergeTree keeps, per
-- ycsb_key, the row with the highest ycsb_version when it merges, and readers ask for that row with FINAL. A delete
-- appends a version with ycsb_deleted = 1 (a tombstone) that readers skip.
-- index_granularity 256 instead of 8192: a point read decompresses one granule per part, and a granule of 8192 rows
-- of ~1 KB is 8 MB; 256 rows keep it near 256 KB, for a primary index 32 times larger (still small: 4k marks a
-- million rows).
CREATE TABLE IF NOT EXISTS usertable (
    ycsb_key      String,
    field0        String,
    field1        String,
    field2        String,
    field3        String,
    field4        String,
    field5        String,
    field6        String,
    field7        String,
    field8        String,
    field9        String,
    ycsb_version  UInt64 DEFAULT 0,
    ycsb_deleted  UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(ycsb_version)
ORDER BY ycsb_key
SETTINGS index_granularity = 256;
