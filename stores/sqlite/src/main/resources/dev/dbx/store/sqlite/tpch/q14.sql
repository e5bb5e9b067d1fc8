-- TPC-H Q14, promotion effect. Validation parameters: DATE = 1995-09-01.
-- SQLite: dates are ISO-8601 text in this model: literals are text, date arithmetic is SQLite's date().
-- SQLite: LIKE is case-insensitive in SQLite; GLOB (case-sensitive, * for %) matches what LIKE means in TPC-H.
select
    100.00 * sum(case
        when p_type glob 'PROMO*'
            then l_extendedprice * (1 - l_discount)
        else 0
    end) / sum(l_extendedprice * (1 - l_discount)) as promo_revenue
from
    lineitem,
    part
where
    l_partkey = p_partkey
    and l_shipdate >= '1995-09-01'
    and l_shipdate < date('1995-09-01', '+1 months')
