-- TPC-H Q22, global sales opportunity (I1..I7 = 13, 31, 23, 29, 30, 18, 17).
-- Rewritten for ClickHouse 18.16 (no EXISTS, no correlated subqueries): "NOT EXISTS (SELECT * FROM orders WHERE
-- o_custkey = c_custkey)" becomes "c_custkey NOT IN (SELECT o_custkey FROM orders)" (no NULL keys); the scalar
-- subquery of the average balance is a one-row subquery CROSS JOINed to customer (18.16 refuses to compare a Decimal
-- with a Decimal scalar subquery), the average taken over Decimal(38, 10) (18.16's avg of a Decimal(15, 2) truncates
-- to two decimals, which could move the threshold past a balance).
SELECT cntrycode, count() AS numcust, sum(c_acctbal) AS totacctbal
FROM
(
    SELECT substring(c_phone, 1, 2) AS cntrycode, c_acctbal
    FROM customer
    CROSS JOIN
    (
        SELECT avg(toDecimal128(c_acctbal, 10)) AS average_balance
        FROM customer
        WHERE c_acctbal > toDecimal64('0.00', 2)
          AND substring(c_phone, 1, 2) IN ('13', '31', '23', '29', '30', '18', '17')
    )
    WHERE substring(c_phone, 1, 2) IN ('13', '31', '23', '29', '30', '18', '17')
      AND c_acctbal > average_balance
      AND c_custkey NOT IN (SELECT o_custkey FROM orders)
)
GROUP BY cntrycode
ORDER BY cntrycode
