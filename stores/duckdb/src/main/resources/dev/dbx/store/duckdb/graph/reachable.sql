-- The customers reachable within :hops hops of :customer (a hop: customer -> order -> part <- order <- customer),
-- breadth first with DuckDB's keyed recursive CTE (USING KEY, DuckDB 1.3+): the CTE is a dictionary keyed by customer,
-- each iteration reads only the rows the previous one produced (the frontier), and recurring.reach (everything
-- reached so far) keeps customers already reached out of the next frontier, so each customer is expanded once.
-- Hash joins over whole columns: DuckDB has no indexes on TPC-H here (see data-model.md).
WITH RECURSIVE reach(custkey, depth) USING KEY (custkey) AS (
    SELECT CAST(:customer AS INTEGER), 0
    UNION
    SELECT DISTINCT o2.o_custkey, r.depth + 1
    FROM reach r
    JOIN orders o1 ON o1.o_custkey = r.custkey
    JOIN lineitem l1 ON l1.l_orderkey = o1.o_orderkey
    JOIN lineitem l2 ON l2.l_partkey = l1.l_partkey
    JOIN orders o2 ON o2.o_orderkey = l2.l_orderkey
    WHERE r.depth < :hops
      AND o2.o_custkey NOT IN (SELECT custkey FROM recurring.reach)
)
SELECT count(*) AS customers, coalesce(sum(custkey), 0) AS key_sum
FROM reach
WHERE custkey <> :customer
