-- TPC-H Q13, customer distribution (WORD1 = special, WORD2 = requests).
-- Rewritten for ClickHouse 18.16 (JOIN ... ON takes only equalities): the orders are counted per customer first,
-- with the comment filter (a condition on orders alone, so the same as in the ON clause), then customer is LEFT
-- JOINed to the counts; a customer without orders gets no match and ifNull(..., 0) makes its count 0, as
-- count(o_orderkey) over the outer join's NULLs does.
SELECT c_count, count() AS custdist
FROM
(
    SELECT c_custkey, ifNull(orders_count, 0) AS c_count
    FROM customer
    LEFT JOIN
    (
        SELECT o_custkey, count() AS orders_count
        FROM orders
        WHERE o_comment NOT LIKE '%special%requests%'
        GROUP BY o_custkey
    ) ON c_custkey = o_custkey
)
GROUP BY c_count
ORDER BY custdist DESC, c_count DESC
