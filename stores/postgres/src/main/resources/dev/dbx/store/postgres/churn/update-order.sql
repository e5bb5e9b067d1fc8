-- Status and priority as given; the total price recomputed from the order's lines (TPC-H's formula).
UPDATE orders
SET o_orderstatus = ?,
    o_orderpriority = ?,
    o_totalprice = coalesce((SELECT round(sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)), 2)
                             FROM lineitem WHERE l_orderkey = ?), 0)
WHERE o_orderkey = ?;
