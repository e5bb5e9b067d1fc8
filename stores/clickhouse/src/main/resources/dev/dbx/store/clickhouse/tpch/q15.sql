-- TPC-H Q15, top supplier (DATE = 1996-01-01).
-- Rewritten for ClickHouse 18.16: the view revenue0 is written out as a subquery, twice; the scalar subquery that
-- finds the maximum is a one-row subquery CROSS JOINed to the suppliers' revenues (18.16 refuses to compare a Decimal
-- with a Decimal scalar subquery: "Type mismatch in IN or VALUES section"). The sums are exact Decimals, so the
-- equality is exact.
SELECT s_suppkey, s_name, s_address, s_phone, total_revenue
FROM
(
    SELECT s_suppkey, s_name, s_address, s_phone, total_revenue
    FROM supplier
    JOIN
    (
        SELECT l_suppkey AS s_suppkey, sum(l_extendedprice * (1 - l_discount)) AS total_revenue
        FROM lineitem
        WHERE l_shipdate >= toDate('1996-01-01') AND l_shipdate < toDate('1996-01-01') + INTERVAL 3 MONTH
        GROUP BY l_suppkey
    ) USING s_suppkey
)
CROSS JOIN
(
    SELECT max(total_revenue) AS max_revenue
    FROM
    (
        SELECT sum(l_extendedprice * (1 - l_discount)) AS total_revenue
        FROM lineitem
        WHERE l_shipdate >= toDate('1996-01-01') AND l_shipdate < toDate('1996-01-01') + INTERVAL 3 MONTH
        GROUP BY l_suppkey
    )
)
WHERE total_revenue = max_revenue
ORDER BY s_suppkey
