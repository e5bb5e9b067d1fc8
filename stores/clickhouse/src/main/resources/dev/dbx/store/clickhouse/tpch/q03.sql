-- TPC-H Q3, shipping priority (SEGMENT = BUILDING, DATE = 1995-03-15).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): customer is a semi-join (IN) of orders, whose columns the
-- query does not return; lineitem is joined to the qualifying orders.
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
FROM lineitem
JOIN
(
    SELECT o_orderkey, o_orderdate, o_shippriority
    FROM orders
    WHERE o_orderdate < toDate('1995-03-15')
      AND o_custkey IN (SELECT c_custkey FROM customer WHERE c_mktsegment = 'BUILDING')
) ON l_orderkey = o_orderkey
WHERE l_shipdate > toDate('1995-03-15')
GROUP BY l_orderkey, o_orderdate, o_shippriority
ORDER BY revenue DESC, o_orderdate
LIMIT 10
