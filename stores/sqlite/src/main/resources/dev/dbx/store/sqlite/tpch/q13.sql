-- TPC-H Q13, customer distribution. Validation parameters: WORD1 = special, WORD2 = requests.
-- SQLite: LIKE is case-insensitive in SQLite; GLOB (case-sensitive, * for %) matches what LIKE means in TPC-H.
-- SQLite: SQLite has no derived-column list (as c_orders (c_custkey, c_count)): the count is named in place.
select
    c_count,
    count(*) as custdist
from
    (
        select
            c_custkey,
            count(o_orderkey) as c_count
        from
            customer left outer join orders on
                c_custkey = o_custkey
                and o_comment not glob '*special*requests*'
        group by
            c_custkey
    ) as c_orders
group by
    c_count
order by
    custdist desc,
    c_count desc
