-- TPC-H Q4, order priority checking (DATE = 1993-07-01).
-- Rewritten for ClickHouse 18.16 (no EXISTS, no correlated subqueries): the correlated
-- "EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)" becomes
-- "o_orderkey IN (SELECT l_orderkey FROM lineitem WHERE l_commitdate < l_receiptdate)", the same semi-join.
SELECT o_orderpriority, count() AS order_count
FROM orders
WHERE o_orderdate >= toDate('1993-07-01')
  AND o_orderdate < toDate('1993-07-01') + INTERVAL 3 MONTH
  AND o_orderkey IN (SELECT l_orderkey FROM lineitem WHERE l_commitdate < l_receiptdate)
GROUP BY o_orderpriority
ORDER BY o_orderpriority
