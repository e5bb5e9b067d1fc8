-- TPC-H Q14, promotion effect (DATE = 1995-09-01).
-- As the specification has it, with "sum(CASE WHEN p_type LIKE 'PROMO%' THEN ... ELSE 0 END)" as sumIf, and the
-- percentage divided in Float64 (a Decimal quotient keeps the dividend's scale and truncates); TPC-H holds ratios to
-- 1 %.
SELECT
    100.00 * toFloat64(sumIf(l_extendedprice * (1 - l_discount), p_type LIKE 'PROMO%'))
        / toFloat64(sum(l_extendedprice * (1 - l_discount))) AS promo_revenue
FROM lineitem
JOIN (SELECT p_partkey, p_type FROM part) ON l_partkey = p_partkey
WHERE l_shipdate >= toDate('1995-09-01') AND l_shipdate < toDate('1995-09-01') + INTERVAL 1 MONTH
