-- TPC-H Q18, large volume customer (QUANTITY = 300).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): the quantity per order is summed once (HAVING > 300), which
-- is both the specification's IN subquery and its final sum(l_quantity) per order, then joined to orders and
-- customer.
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum_quantity
FROM
(
    SELECT o_orderkey, o_custkey, o_orderdate, o_totalprice, sum_quantity
    FROM orders
    JOIN
    (
        SELECT l_orderkey, sum(l_quantity) AS sum_quantity
        FROM lineitem
        GROUP BY l_orderkey
        HAVING sum_quantity > 300
    ) ON o_orderkey = l_orderkey
)
JOIN (SELECT c_custkey, c_name FROM customer) ON o_custkey = c_custkey
ORDER BY o_totalprice DESC, o_orderdate
LIMIT 100
