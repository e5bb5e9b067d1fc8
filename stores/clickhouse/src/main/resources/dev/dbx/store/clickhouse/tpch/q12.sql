-- TPC-H Q12, shipping modes and order priority (SHIPMODE1 = MAIL, SHIPMODE2 = SHIP, DATE = 1994-01-01).
-- As the specification has it, the join written for ClickHouse 18.16's hash join: the qualifying line items (a few
-- thousand) are the right side, the table held in memory, and orders stream past it; with orders on the right the
-- whole orders table was hashed (twice as slow at SF 0.1).
SELECT
    l_shipmode,
    sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH' THEN 1 ELSE 0 END) AS high_line_count,
    sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH' THEN 1 ELSE 0 END) AS low_line_count
FROM orders
JOIN
(
    SELECT l_orderkey, l_shipmode
    FROM lineitem
    WHERE l_shipmode IN ('MAIL', 'SHIP')
      AND l_commitdate < l_receiptdate
      AND l_shipdate < l_commitdate
      AND l_receiptdate >= toDate('1994-01-01')
      AND l_receiptdate < toDate('1994-01-01') + INTERVAL 1 YEAR
) ON o_orderkey = l_orderkey
GROUP BY l_shipmode
ORDER BY l_shipmode
