DELETE FROM orders WHERE o_orderkey = ?;
