-- Customers who bought what :customer bought also bought... (the top :limit parts by the number of those customers
-- who bought them, ties by part key). Each step is a DISTINCT set, so no customer or part is counted twice however
-- many orders or line items say so. Index paths: orders(o_custkey), lineitem's primary key (l_orderkey, ...) and
-- lineitem(l_partkey, l_suppkey).
WITH mine AS (
    SELECT DISTINCT l.l_partkey AS partkey
    FROM orders o
    JOIN lineitem l ON l.l_orderkey = o.o_orderkey
    WHERE o.o_custkey = :customer
),
others AS (
    SELECT DISTINCT o.o_custkey AS custkey
    FROM mine m
    JOIN lineitem l ON l.l_partkey = m.partkey
    JOIN orders o ON o.o_orderkey = l.l_orderkey
    WHERE o.o_custkey <> :customer
),
bought AS (
    SELECT DISTINCT o.o_custkey AS custkey, l.l_partkey AS partkey
    FROM others x
    JOIN orders o ON o.o_custkey = x.custkey
    JOIN lineitem l ON l.l_orderkey = o.o_orderkey
)
SELECT b.partkey, count(*) AS customers
FROM bought b
WHERE NOT EXISTS (SELECT 1 FROM mine m WHERE m.partkey = b.partkey)
GROUP BY b.partkey
ORDER BY customers DESC, b.partkey
LIMIT :limit
