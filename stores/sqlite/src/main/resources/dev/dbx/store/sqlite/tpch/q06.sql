-- TPC-H Q6, forecasting revenue change. Validation parameters: DATE = 1994-01-01, DISCOUNT = 0.06, QUANTITY = 24.
-- SQLite: dates are ISO-8601 text in this model: literals are text, date arithmetic is SQLite's date().
-- SQLite: DISCOUNT +/- 0.01 written as 0.05 and 0.07: in floating point 0.06 + 0.01 is not the REAL 0.07.
select
    sum(l_extendedprice * l_discount) as revenue
from
    lineitem
where
    l_shipdate >= '1994-01-01'
    and l_shipdate < date('1994-01-01', '+1 years')
    and l_discount between 0.05 and 0.07
    and l_quantity < 24
