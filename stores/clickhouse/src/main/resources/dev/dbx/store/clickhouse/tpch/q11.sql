-- TPC-H Q11, important stock identification (NATION = GERMANY, FRACTION = 0.0001).
-- Rewritten for ClickHouse 18.16: supplier and nation are semi-joins (IN); the scalar subquery of the HAVING clause
-- is a one-row subquery CROSS JOINed to the groups (18.16 refuses to compare a Decimal with a Decimal scalar
-- subquery: "Type mismatch in IN or VALUES section"), and FRACTION is a Decimal literal (no Decimal * Float64).
SELECT ps_partkey, value
FROM
(
    SELECT ps_partkey, sum(ps_supplycost * ps_availqty) AS value
    FROM partsupp
    WHERE ps_suppkey IN
    (
        SELECT s_suppkey FROM supplier WHERE s_nationkey IN (SELECT n_nationkey FROM nation WHERE n_name = 'GERMANY')
    )
    GROUP BY ps_partkey
)
CROSS JOIN
(
    SELECT sum(ps_supplycost * ps_availqty) * toDecimal64('0.0001', 4) AS threshold
    FROM partsupp
    WHERE ps_suppkey IN
    (
        SELECT s_suppkey FROM supplier WHERE s_nationkey IN (SELECT n_nationkey FROM nation WHERE n_name = 'GERMANY')
    )
)
WHERE value > threshold
ORDER BY value DESC
