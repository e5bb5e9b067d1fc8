-- TPC-H Q21, suppliers who kept orders waiting (NATION = SAUDI ARABIA).
-- Rewritten for ClickHouse 18.16 (no EXISTS, no correlated subqueries): per order, the number of distinct suppliers
-- and of distinct suppliers with a late line. For a late line l1 of supplier S, "EXISTS another supplier's line in the
-- order" is "suppliers > 1", and "NOT EXISTS another supplier's late line" is "late suppliers = 1" (S itself is one).
-- Supplier's nation and orders' status are semi-joins (IN); the per-order counts are taken only over the orders with
-- a late line of a SAUDI ARABIA supplier (the only ones the join can match), not over every order.
SELECT s_name, count() AS numwait
FROM
(
    SELECT l_suppkey
    FROM
    (
        SELECT l_orderkey, l_suppkey
        FROM lineitem
        WHERE l_receiptdate > l_commitdate
          AND l_suppkey IN
          (
              SELECT s_suppkey FROM supplier WHERE s_nationkey IN (SELECT n_nationkey FROM nation WHERE n_name = 'SAUDI ARABIA')
          )
          AND l_orderkey IN (SELECT o_orderkey FROM orders WHERE o_orderstatus = 'F')
    )
    JOIN
    (
        SELECT l_orderkey AS order_key,
               uniqExact(l_suppkey) AS suppliers,
               uniqExactIf(l_suppkey, l_receiptdate > l_commitdate) AS late_suppliers
        FROM lineitem
        WHERE l_orderkey IN
        (
            SELECT l_orderkey
            FROM lineitem
            WHERE l_receiptdate > l_commitdate
              AND l_suppkey IN
              (
                  SELECT s_suppkey FROM supplier WHERE s_nationkey IN (SELECT n_nationkey FROM nation WHERE n_name = 'SAUDI ARABIA')
              )
        )
        GROUP BY l_orderkey
        HAVING suppliers > 1 AND late_suppliers = 1
    ) ON l_orderkey = order_key
)
JOIN (SELECT s_suppkey, s_name FROM supplier) ON l_suppkey = s_suppkey
GROUP BY s_name
ORDER BY numwait DESC, s_name
LIMIT 100
