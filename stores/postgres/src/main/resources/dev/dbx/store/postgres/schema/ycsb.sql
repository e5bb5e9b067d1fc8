-- YCSB usertable. COLLATE "C": keys compare byte by byte, so ordered scans follow the key order YCSB expects and the
-- B-tree needs no locale-aware comparisons.
CREATE TABLE IF NOT EXISTS usertable (
    ycsb_key VARCHAR(64) COLLATE "C" PRIMARY KEY,
    field0 TEXT, field1 TEXT, field2 TEXT, field3 TEXT, field4 TEXT,
    field5 TEXT, field6 TEXT, field7 TEXT, field8 TEXT, field9 TEXT
);
