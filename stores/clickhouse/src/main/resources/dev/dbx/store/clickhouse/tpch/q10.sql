-- TPC-H Q10, returned item reporting (DATE = 1993-10-01).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): the revenue is summed per customer first (lineitem joined
-- to the quarter's orders), then joined to customer and nation; grouping by c_custkey alone is the specification's
-- grouping, since the customer's other columns depend on it.
SELECT c_custkey, c_name, revenue, c_acctbal, n_name, c_address, c_phone, c_comment
FROM
(
    SELECT o_custkey, sum(l_extendedprice * (1 - l_discount)) AS revenue
    FROM lineitem
    JOIN
    (
        SELECT o_orderkey, o_custkey
        FROM orders
        WHERE o_orderdate >= toDate('1993-10-01') AND o_orderdate < toDate('1993-10-01') + INTERVAL 3 MONTH
    ) ON l_orderkey = o_orderkey
    WHERE l_returnflag = 'R'
    GROUP BY o_custkey
)
JOIN
(
    SELECT c_custkey, c_name, c_acctbal, n_name, c_address, c_phone, c_comment
    FROM customer
    JOIN (SELECT n_nationkey, n_name FROM nation) ON c_nationkey = n_nationkey
) ON o_custkey = c_custkey
ORDER BY revenue DESC
LIMIT 20
