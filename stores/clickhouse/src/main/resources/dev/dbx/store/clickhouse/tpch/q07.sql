-- TPC-H Q7, volume shipping (NATION1 = FRANCE, NATION2 = GERMANY).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): the six-table join is nested, each side's nation joined to
-- its supplier or customer first.
SELECT supp_nation, cust_nation, l_year, sum(volume) AS revenue
FROM
(
    SELECT supp_nation, cust_nation, toYear(l_shipdate) AS l_year, l_extendedprice * (1 - l_discount) AS volume
    FROM
    (
        SELECT l_orderkey, l_extendedprice, l_discount, l_shipdate, supp_nation
        FROM lineitem
        JOIN
        (
            SELECT s_suppkey, n_name AS supp_nation
            FROM supplier
            JOIN (SELECT n_nationkey, n_name FROM nation WHERE n_name IN ('FRANCE', 'GERMANY')) ON s_nationkey = n_nationkey
        ) ON l_suppkey = s_suppkey
        WHERE l_shipdate BETWEEN toDate('1995-01-01') AND toDate('1996-12-31')
    )
    JOIN
    (
        SELECT o_orderkey, cust_nation
        FROM orders
        JOIN
        (
            SELECT c_custkey, n_name AS cust_nation
            FROM customer
            JOIN (SELECT n_nationkey, n_name FROM nation WHERE n_name IN ('FRANCE', 'GERMANY')) ON c_nationkey = n_nationkey
        ) ON o_custkey = c_custkey
    ) ON l_orderkey = o_orderkey
    WHERE (supp_nation = 'FRANCE' AND cust_nation = 'GERMANY') OR (supp_nation = 'GERMANY' AND cust_nation = 'FRANCE')
)
GROUP BY supp_nation, cust_nation, l_year
ORDER BY supp_nation, cust_nation, l_year
