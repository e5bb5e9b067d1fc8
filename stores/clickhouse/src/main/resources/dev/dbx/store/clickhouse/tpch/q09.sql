-- TPC-H Q9, product type profit measure (COLOR = green).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): part is a semi-join (IN) of lineitem and partsupp, then
-- partsupp (on both keys) and the supplier's nation are joined to the green parts' lines; orders stream past those
-- lines last, which 18.16 holds in memory (with all of orders on the in-memory side it was twice as slow at SF 0.1).
SELECT nation, o_year, sum(amount) AS sum_profit
FROM
(
    SELECT nation, toYear(o_orderdate) AS o_year, amount
    FROM orders
    JOIN
    (
        SELECT l_orderkey, nation, l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity AS amount
        FROM
        (
            SELECT l_orderkey, l_suppkey, l_extendedprice, l_discount, l_quantity, ps_supplycost
            FROM lineitem
            JOIN
            (
                SELECT ps_partkey, ps_suppkey, ps_supplycost
                FROM partsupp
                WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE '%green%')
            ) ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey
            WHERE l_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE '%green%')
        )
        JOIN
        (
            SELECT s_suppkey, n_name AS nation
            FROM supplier
            JOIN (SELECT n_nationkey, n_name FROM nation) ON s_nationkey = n_nationkey
        ) ON l_suppkey = s_suppkey
    ) ON o_orderkey = l_orderkey
)
GROUP BY nation, o_year
ORDER BY nation, o_year DESC
