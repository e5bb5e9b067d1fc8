-- TPC-H Q1, pricing summary report (DELTA = 90).
-- Rewritten for ClickHouse 18.16: the averages are taken over Float64 (avg of a Decimal(15,2) column keeps scale 2
-- and truncates, e.g. avg(l_discount) = 0.04 instead of 0.0500...); TPC-H holds averages to 1 %. Sums stay Decimal.
SELECT
    l_returnflag,
    l_linestatus,
    sum(l_quantity) AS sum_qty,
    sum(l_extendedprice) AS sum_base_price,
    sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
    sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
    avg(toFloat64(l_quantity)) AS avg_qty,
    avg(toFloat64(l_extendedprice)) AS avg_price,
    avg(toFloat64(l_discount)) AS avg_disc,
    count() AS count_order
FROM lineitem
WHERE l_shipdate <= toDate('1998-12-01') - INTERVAL 90 DAY
GROUP BY l_returnflag, l_linestatus
ORDER BY l_returnflag, l_linestatus
