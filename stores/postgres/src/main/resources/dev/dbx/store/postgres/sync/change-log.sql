-- dbx's change tracking for incremental syncs: the keys each committed write touched, and each target's watermark.
-- xid is the writing transaction's id (64-bit: it never wraps): a change is "after" a watermark when the watermark's
-- snapshot does not see that transaction, which is how a transaction that began early and committed late is caught.
CREATE TABLE IF NOT EXISTS dbx_change_log (
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    dataset text NOT NULL,
    entity text NOT NULL,
    key jsonb NOT NULL,
    op char(1) NOT NULL CHECK (op IN ('I', 'U', 'D', 'T'))
);
CREATE INDEX IF NOT EXISTS dbx_change_log_by_xid ON dbx_change_log (dataset, entity, xid);
CREATE TABLE IF NOT EXISTS dbx_sync_watermark (
    dataset text NOT NULL,
    consumer text NOT NULL,
    position pg_snapshot NOT NULL,
    complete boolean NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset, consumer)
);
