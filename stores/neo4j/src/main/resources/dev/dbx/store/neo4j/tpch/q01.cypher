// Q1 pricing summary: every line item (a CONTAINS relationship) shipped by 1998-09-02 (1998-12-01 minus 90 days),
// aggregated by return flag and line status. Cypher groups by the non-aggregated RETURN items. Money is FLOAT, so the
// sums are double sums (within a cent at these sizes; TPC-H allows one).
MATCH (:Order)-[l:CONTAINS]->(:Part)
WHERE l.l_shipdate <= date('1998-09-02')
RETURN l.l_returnflag AS l_returnflag,
       l.l_linestatus AS l_linestatus,
       sum(l.l_quantity) AS sum_qty,
       sum(l.l_extendedprice) AS sum_base_price,
       sum(l.l_extendedprice * (1 - l.l_discount)) AS sum_disc_price,
       sum(l.l_extendedprice * (1 - l.l_discount) * (1 + l.l_tax)) AS sum_charge,
       avg(l.l_quantity) AS avg_qty,
       avg(l.l_extendedprice) AS avg_price,
       avg(l.l_discount) AS avg_disc,
       count(*) AS count_order
ORDER BY l_returnflag, l_linestatus
