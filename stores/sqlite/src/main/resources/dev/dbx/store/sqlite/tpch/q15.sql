-- TPC-H Q15, top supplier. Validation parameters: DATE = 1996-01-01.
-- The specification's view revenue0 is a common table expression here (one statement, nothing left behind).
-- SQLite: dates are ISO-8601 text in this model: literals are text, date arithmetic is SQLite's date().
-- SQLite: the view is a CTE, MATERIALIZED so both references see the same REAL sums (max() must equal one).
with revenue0 (supplier_no, total_revenue) as materialized (
    select
        l_suppkey,
        sum(l_extendedprice * (1 - l_discount))
    from
        lineitem
    where
        l_shipdate >= '1996-01-01'
        and l_shipdate < date('1996-01-01', '+3 months')
    group by
        l_suppkey
)
select
    s_suppkey,
    s_name,
    s_address,
    s_phone,
    total_revenue
from
    supplier,
    revenue0
where
    s_suppkey = supplier_no
    and total_revenue = (
        select
            max(total_revenue)
        from
            revenue0
    )
order by
    s_suppkey
