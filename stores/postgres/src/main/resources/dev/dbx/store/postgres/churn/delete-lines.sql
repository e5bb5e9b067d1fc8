DELETE FROM lineitem WHERE l_orderkey = ?;
