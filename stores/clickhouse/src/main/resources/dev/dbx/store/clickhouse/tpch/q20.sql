-- TPC-H Q20, potential part promotion (COLOR = forest, DATE = 1994-01-01, NATION = CANADA).
-- Rewritten for ClickHouse 18.16 (no correlated subqueries): the correlated "ps_availqty > (SELECT 0.5 *
-- sum(l_quantity) FROM lineitem WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND <the year>)" becomes an
-- inner join of partsupp to the year's quantity per (part, supplier), compared exactly as "ps_availqty * 2 > quantity"
-- (a pair without line items has a NULL sum there, which no comparison passes, and no row in the join); part and
-- nation are semi-joins (IN).
SELECT s_name, s_address
FROM supplier
WHERE s_suppkey IN
(
    SELECT ps_suppkey
    FROM partsupp
    JOIN
    (
        SELECT l_partkey, l_suppkey, sum(l_quantity) AS quantity
        FROM lineitem
        WHERE l_shipdate >= toDate('1994-01-01') AND l_shipdate < toDate('1994-01-01') + INTERVAL 1 YEAR
          AND l_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
        GROUP BY l_partkey, l_suppkey
    ) ON ps_partkey = l_partkey AND ps_suppkey = l_suppkey
    WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
      AND ps_availqty * 2 > quantity
)
  AND s_nationkey IN (SELECT n_nationkey FROM nation WHERE n_name = 'CANADA')
ORDER BY s_name
