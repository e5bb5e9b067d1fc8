-- max hops: 4
-- The customers reachable within :hops hops of :customer (a hop: customer -> order -> part <- order <- customer),
-- breadth first as iterated joins, one pair of CTEs per level: pN = the parts of the customers first reached at level
-- N-1 not expanded before, cN = their buyers not reached before (EXCEPT keeps each level to what is new). Levels past
-- :hops are empty. Index paths: orders(o_custkey), lineitem's primary key (l_orderkey, ...), lineitem(l_partkey,
-- l_suppkey), orders' rowid.
-- Not a recursive CTE: SQLite's UNION removes repeated (customer, depth) rows only, so a customer reached at depth 1
-- is expanded again at every later depth, and SQLite allows no DISTINCT, subquery on the recursive table or array in
-- the recursive step to stop it: written that way, 4 hops did not finish within 120 s at SF 0.01.
WITH
c0(custkey) AS (SELECT :customer),
p1(partkey) AS (
    SELECT l.l_partkey FROM c0 JOIN orders o ON o.o_custkey = c0.custkey JOIN lineitem l ON l.l_orderkey = o.o_orderkey
    WHERE :hops >= 1
),
c1(custkey) AS (
    SELECT o.o_custkey FROM p1 JOIN lineitem l ON l.l_partkey = p1.partkey JOIN orders o ON o.o_orderkey = l.l_orderkey
    EXCEPT SELECT custkey FROM c0
),
p2(partkey) AS (
    SELECT l.l_partkey FROM c1 JOIN orders o ON o.o_custkey = c1.custkey JOIN lineitem l ON l.l_orderkey = o.o_orderkey
    WHERE :hops >= 2
    EXCEPT SELECT partkey FROM p1
),
c2(custkey) AS (
    SELECT o.o_custkey FROM p2 JOIN lineitem l ON l.l_partkey = p2.partkey JOIN orders o ON o.o_orderkey = l.l_orderkey
    EXCEPT SELECT custkey FROM c0 EXCEPT SELECT custkey FROM c1
),
p3(partkey) AS (
    SELECT l.l_partkey FROM c2 JOIN orders o ON o.o_custkey = c2.custkey JOIN lineitem l ON l.l_orderkey = o.o_orderkey
    WHERE :hops >= 3
    EXCEPT SELECT partkey FROM p1 EXCEPT SELECT partkey FROM p2
),
c3(custkey) AS (
    SELECT o.o_custkey FROM p3 JOIN lineitem l ON l.l_partkey = p3.partkey JOIN orders o ON o.o_orderkey = l.l_orderkey
    EXCEPT SELECT custkey FROM c0 EXCEPT SELECT custkey FROM c1 EXCEPT SELECT custkey FROM c2
),
p4(partkey) AS (
    SELECT l.l_partkey FROM c3 JOIN orders o ON o.o_custkey = c3.custkey JOIN lineitem l ON l.l_orderkey = o.o_orderkey
    WHERE :hops >= 4
    EXCEPT SELECT partkey FROM p1 EXCEPT SELECT partkey FROM p2 EXCEPT SELECT partkey FROM p3
),
c4(custkey) AS (
    SELECT o.o_custkey FROM p4 JOIN lineitem l ON l.l_partkey = p4.partkey JOIN orders o ON o.o_orderkey = l.l_orderkey
    EXCEPT SELECT custkey FROM c0 EXCEPT SELECT custkey FROM c1 EXCEPT SELECT custkey FROM c2
    EXCEPT SELECT custkey FROM c3
),
reached(custkey) AS (
    SELECT custkey FROM c1 UNION ALL SELECT custkey FROM c2 UNION ALL SELECT custkey FROM c3
    UNION ALL SELECT custkey FROM c4
)
SELECT count(*) AS customers, coalesce(sum(custkey), 0) AS key_sum FROM reached
