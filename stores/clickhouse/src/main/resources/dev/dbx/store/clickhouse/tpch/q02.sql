-- TPC-H Q2, minimum cost supplier (SIZE = 15, TYPE = BRASS, REGION = EUROPE).
-- Rewritten for ClickHouse 18.16 (no correlated subqueries, one JOIN per SELECT): the correlated
-- "ps_supplycost = (SELECT min(ps_supplycost) ... WHERE p_partkey = ps_partkey AND <in EUROPE>)" becomes
-- "(ps_partkey, ps_supplycost) IN (SELECT ps_partkey, min(ps_supplycost) ... <in EUROPE> GROUP BY ps_partkey)";
-- the five-table join is nested one JOIN per SELECT, the region filter a semi-join (IN). The joins are USING with
-- renamed columns: 18.16's JOIN ... ON gave "Size of offsets doesn't match size of column" here.
SELECT s_acctbal, s_name, n_name, ps_partkey AS p_partkey, p_mfgr, s_address, s_phone, s_comment
FROM
(
    SELECT ps_partkey, ps_suppkey, ps_supplycost, p_mfgr
    FROM partsupp
    JOIN
    (
        SELECT p_partkey AS ps_partkey, p_mfgr FROM part WHERE p_size = 15 AND p_type LIKE '%BRASS'
    ) USING ps_partkey
)
JOIN
(
    SELECT s_suppkey AS ps_suppkey, s_acctbal, s_name, s_address, s_phone, s_comment, n_name
    FROM supplier
    JOIN
    (
        SELECT n_nationkey AS s_nationkey, n_name
        FROM nation
        WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name = 'EUROPE')
    ) USING s_nationkey
) USING ps_suppkey
WHERE (ps_partkey, ps_supplycost) IN
(
    SELECT ps_partkey, min(ps_supplycost)
    FROM partsupp
    WHERE ps_suppkey IN
    (
        SELECT s_suppkey
        FROM supplier
        WHERE s_nationkey IN
        (
            SELECT n_nationkey
            FROM nation
            WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name = 'EUROPE')
        )
    )
    GROUP BY ps_partkey
)
ORDER BY s_acctbal DESC, n_name, s_name, ps_partkey
LIMIT 100
