-- TPC-H Q17, small-quantity-order revenue (BRAND = Brand#23, CONTAINER = MED BOX).
-- Rewritten for ClickHouse 18.16 (no correlated subqueries): the correlated "l_quantity < (SELECT 0.2 *
-- avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)" becomes a join to the per-part sum and count of
-- quantities, compared exactly as "l_quantity * 5 * count < sum" (the same inequality without a truncated Decimal
-- average); part is a semi-join (IN). ClickHouse's sum over no rows is 0 where SQL's is NULL, so the empty answer
-- (at SF 0.01) is NULL explicitly.
SELECT if(count() = 0, NULL, sum(l_extendedprice) / 7) AS avg_yearly
FROM lineitem
JOIN
(
    SELECT l_partkey AS part_key, sum(l_quantity) AS part_quantity, count() AS part_lines
    FROM lineitem
    WHERE l_partkey IN (SELECT p_partkey FROM part WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX')
    GROUP BY l_partkey
) ON l_partkey = part_key
WHERE l_quantity * 5 * part_lines < part_quantity
