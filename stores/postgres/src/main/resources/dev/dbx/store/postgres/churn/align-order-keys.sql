-- Moves the sequence above every order key in the table (after a load), never back: while a run takes keys the
-- table's highest key is at most the sequence's, so a second run starting does not reset it.
SELECT setval('dbx_churn_order_key', m.k)
FROM (SELECT max(o_orderkey) AS k FROM orders) m, dbx_churn_order_key s
WHERE m.k > s.last_value OR NOT s.is_called;
