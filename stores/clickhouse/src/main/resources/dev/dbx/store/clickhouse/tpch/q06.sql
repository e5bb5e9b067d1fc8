-- TPC-H Q6, forecasting revenue change (DATE = 1994-01-01, DISCOUNT = 0.06, QUANTITY = 24).
-- As the specification has it, except that ClickHouse 18.16 compares a Decimal only with a Decimal (not with a Float64
-- literal such as 0.06), so the discount bounds are Decimal literals.
SELECT sum(l_extendedprice * l_discount) AS revenue
FROM lineitem
WHERE l_shipdate >= toDate('1994-01-01')
  AND l_shipdate < toDate('1994-01-01') + INTERVAL 1 YEAR
  AND l_discount BETWEEN toDecimal64('0.06', 2) - toDecimal64('0.01', 2) AND toDecimal64('0.06', 2) + toDecimal64('0.01', 2)
  AND l_quantity < 24
