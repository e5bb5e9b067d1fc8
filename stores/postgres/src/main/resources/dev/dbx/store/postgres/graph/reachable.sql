-- The customers reachable within :hops hops of :customer (a hop: customer -> order -> part <- order <- customer),
-- breadth first in one recursive CTE: each level is one row carrying the frontier (customers first reached at the
-- previous level), the parts already expanded and every customer reached so far, as arrays. A level expands only the
-- frontier's parts not yet seen (EXCEPT), and keeps only buyers not yet reached, so nothing is expanded twice.
-- (A plain recursive CTE over (customer, depth) rows cannot do that: UNION removes duplicate rows, not customers
-- reached at an earlier depth, so each level would expand everyone reached so far again.)
WITH RECURSIVE bfs(depth, frontier, seen_parts, reached) AS (
    SELECT 0, ARRAY[:customer]::int[], ARRAY[]::int[], ARRAY[:customer]::int[]
    UNION ALL
    SELECT b.depth + 1, step.customers, b.seen_parts || step.parts, b.reached || step.customers
    FROM bfs b
    CROSS JOIN LATERAL (
        WITH new_parts AS (
            SELECT l.l_partkey AS partkey
            FROM unnest(b.frontier) f(custkey)
            JOIN orders o ON o.o_custkey = f.custkey
            JOIN lineitem l ON l.l_orderkey = o.o_orderkey
            EXCEPT
            SELECT unnest(b.seen_parts)
        )
        SELECT
            ARRAY(SELECT partkey FROM new_parts) AS parts,
            ARRAY(
                SELECT o.o_custkey
                FROM new_parts p
                JOIN lineitem l ON l.l_partkey = p.partkey
                JOIN orders o ON o.o_orderkey = l.l_orderkey
                EXCEPT
                SELECT unnest(b.reached)
            ) AS customers
    ) step
    WHERE b.depth < :hops AND cardinality(b.frontier) > 0
)
SELECT count(*) AS customers, coalesce(sum(c), 0) AS key_sum
FROM (SELECT reached FROM bfs ORDER BY depth DESC LIMIT 1) last, unnest(last.reached) c
WHERE c <> :customer
