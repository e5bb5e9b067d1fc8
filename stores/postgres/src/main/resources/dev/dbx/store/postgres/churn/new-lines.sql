-- The new order's lines, numbered from 1: the supplier is the part's n-th in key order (a partsupp row, as the
-- foreign key asks), the extended price quantity times the part's retail price (TPC-H's rule).
INSERT INTO lineitem (l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax,
                      l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct,
                      l_shipmode, l_comment)
SELECT o.orderkey, l.partkey, s.ps_suppkey, l.n, l.quantity, l.quantity * p.p_retailprice, l.discount, l.tax,
       'N', 'O', o.orderdate + l.shipdays, o.orderdate + 60, o.orderdate + l.shipdays + 7, l.shipinstruct,
       l.shipmode, l.comment
FROM (SELECT ?::bigint AS orderkey, ?::date AS orderdate) o
CROSS JOIN unnest(?::bigint[], ?::int[], ?::int[], ?::numeric[], ?::numeric[], ?::int[], ?::text[], ?::text[],
                  ?::text[])
           WITH ORDINALITY AS l (partkey, supplier, quantity, discount, tax, shipdays, shipmode, shipinstruct,
                                 comment, n)
JOIN part p ON p.p_partkey = l.partkey
CROSS JOIN LATERAL (SELECT ps_suppkey FROM partsupp WHERE ps_partkey = l.partkey
                    ORDER BY ps_suppkey LIMIT 1 OFFSET l.supplier) s;
