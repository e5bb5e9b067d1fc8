-- The first order at or above the key drawn, locked for the rest of the transaction (orders come and go in a run).
SELECT o_orderkey FROM orders WHERE o_orderkey >= ? ORDER BY o_orderkey LIMIT 1 FOR UPDATE;
