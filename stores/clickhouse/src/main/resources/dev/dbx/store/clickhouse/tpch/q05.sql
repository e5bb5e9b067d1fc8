-- TPC-H Q5, local supplier volume (REGION = ASIA, DATE = 1994-01-01).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): the six-table join is nested, innermost first; the condition
-- c_nationkey = s_nationkey is part of the supplier join's key; the region filter is a semi-join (IN). The joins are
-- USING with renamed columns: 18.16's JOIN ... ON l_suppkey = s_suppkey AND c_nationkey = s_nationkey returned rows
-- that do not match (and "Size of offsets doesn't match size of column" further out).
SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
FROM
(
    SELECT l_extendedprice, l_discount, c_nationkey
    FROM
    (
        SELECT l_suppkey, l_extendedprice, l_discount, c_nationkey
        FROM lineitem
        JOIN
        (
            SELECT o_orderkey AS l_orderkey, c_nationkey
            FROM orders
            JOIN (SELECT c_custkey AS o_custkey, c_nationkey FROM customer) USING o_custkey
            WHERE o_orderdate >= toDate('1994-01-01') AND o_orderdate < toDate('1994-01-01') + INTERVAL 1 YEAR
        ) USING l_orderkey
    )
    JOIN (SELECT s_suppkey AS l_suppkey, s_nationkey AS c_nationkey FROM supplier) USING l_suppkey, c_nationkey
)
JOIN
(
    SELECT n_nationkey AS c_nationkey, n_name
    FROM nation
    WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name = 'ASIA')
) USING c_nationkey
GROUP BY n_name
ORDER BY revenue DESC
