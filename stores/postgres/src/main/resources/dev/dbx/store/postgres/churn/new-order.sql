-- A new order: its key from the sequence, its total price TPC-H's sum over its lines (given as arrays).
INSERT INTO orders (o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk,
                    o_shippriority, o_comment)
SELECT nextval('dbx_churn_order_key'), ?, 'O',
       coalesce((SELECT round(sum(l.quantity * p.p_retailprice * (1 + l.tax) * (1 - l.discount)), 2)
                 FROM unnest(?::bigint[], ?::int[], ?::numeric[], ?::numeric[]) AS l (partkey, quantity, discount, tax)
                 JOIN part p ON p.p_partkey = l.partkey), 0),
       ?, ?, ?, 0, ?
RETURNING o_orderkey;
