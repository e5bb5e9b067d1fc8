-- YCSB usertable for DuckDB: the key is the PRIMARY KEY, so DuckDB keeps an ART index on it.
--
-- YCSB reads, updates and deletes one row by key. Without the index each of those scans the whole table, and zone
-- maps cannot help: the keys are hashed, so every row group spans the whole key range. The key must also stay unique
-- for read/update/delete to mean one record. Measured here (100k records, Appender, shared 2-core machine): loading
-- with the key declared was as fast as without it (within noise), a point read took about 1 ms instead of 10-20 ms,
-- and building the same index after the load gained nothing. Ordered scans (WHERE key >= ? ORDER BY key LIMIT n) do
-- not use the ART: DuckDB runs them as a top-N with a dynamic filter pushed into the scan.
CREATE TABLE IF NOT EXISTS usertable (
    ycsb_key VARCHAR PRIMARY KEY,
    field0 VARCHAR, field1 VARCHAR, field2 VARCHAR, field3 VARCHAR, field4 VARCHAR,
    field5 VARCHAR, field6 VARCHAR, field7 VARCHAR, field8 VARCHAR, field9 VARCHAR
);
