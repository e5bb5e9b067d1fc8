-- New order keys come from a sequence, so that two runs at once never take the same key.
CREATE SEQUENCE IF NOT EXISTS dbx_churn_order_key AS BIGINT;
