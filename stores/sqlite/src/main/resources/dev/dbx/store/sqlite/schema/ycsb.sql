-- YCSB usertable: the key is the primary key; WITHOUT ROWID clusters the rows by key, so a point read is one
-- B-tree descent and a scan reads neighbouring rows.
CREATE TABLE IF NOT EXISTS usertable (
    ycsb_key TEXT PRIMARY KEY,
    field0 TEXT, field1 TEXT, field2 TEXT, field3 TEXT, field4 TEXT,
    field5 TEXT, field6 TEXT, field7 TEXT, field8 TEXT, field9 TEXT
) STRICT, WITHOUT ROWID;
