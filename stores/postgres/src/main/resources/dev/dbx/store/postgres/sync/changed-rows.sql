-- The keys of {table} changed by transactions the previous snapshot (parameter 1, twice) did not see, as of this
-- transaction's snapshot; joined to the table by its primary key: rows still there are upserts, keys gone are deletes.
-- xid >= the old snapshot's xmin lets the index skip what every old snapshot saw.
WITH changed AS (
    SELECT DISTINCT key FROM dbx_change_log
    WHERE dataset = '{dataset}' AND entity = '{table}'
      AND xid >= pg_snapshot_xmin(?::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ?::pg_snapshot)
)
SELECT {columns} FROM changed c LEFT JOIN {table} t ON {join} WHERE t.{first_key} IS {presence}
