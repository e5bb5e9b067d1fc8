-- Every line finished, so the order is too (TPC-H: status F when all its lines are F).
UPDATE orders SET o_orderstatus = 'F' WHERE o_orderkey = ?;
