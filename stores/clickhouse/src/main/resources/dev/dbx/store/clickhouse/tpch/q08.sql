-- TPC-H Q8, national market share (NATION = BRAZIL, REGION = AMERICA, TYPE = ECONOMY ANODIZED STEEL).
-- Rewritten for ClickHouse 18.16 (one JOIN per SELECT): part and the customer's region are semi-joins (IN), the
-- supplier's nation and the orders are joined; "sum(CASE WHEN nation = 'BRAZIL' THEN volume ELSE 0 END)" is
-- sumIf(volume, nation = 'BRAZIL'), and the share is divided in Float64 (a Decimal quotient keeps the dividend's
-- scale and truncates); TPC-H holds ratios to 1 %.
SELECT o_year, toFloat64(sumIf(volume, nation = 'BRAZIL')) / toFloat64(sum(volume)) AS mkt_share
FROM
(
    SELECT toYear(o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) AS volume, nation
    FROM
    (
        SELECT l_orderkey, l_extendedprice, l_discount, nation
        FROM lineitem
        JOIN
        (
            SELECT s_suppkey, n_name AS nation
            FROM supplier
            JOIN (SELECT n_nationkey, n_name FROM nation) ON s_nationkey = n_nationkey
        ) ON l_suppkey = s_suppkey
        WHERE l_partkey IN (SELECT p_partkey FROM part WHERE p_type = 'ECONOMY ANODIZED STEEL')
    )
    JOIN
    (
        SELECT o_orderkey, o_orderdate
        FROM orders
        WHERE o_orderdate BETWEEN toDate('1995-01-01') AND toDate('1996-12-31')
          AND o_custkey IN
          (
              SELECT c_custkey
              FROM customer
              WHERE c_nationkey IN
              (
                  SELECT n_nationkey
                  FROM nation
                  WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name = 'AMERICA')
              )
          )
    ) ON l_orderkey = o_orderkey
)
GROUP BY o_year
ORDER BY o_year
