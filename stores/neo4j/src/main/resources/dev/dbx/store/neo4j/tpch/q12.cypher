// Q12 shipping modes and order priority: lines shipped by MAIL or SHIP, received in 1994, shipped before their commit
// date and received after it, with the priority of the order that contains them; per ship mode, how many lines belong
// to urgent or high-priority orders and how many not. No index covers l_receiptdate: a scan of CONTAINS.
MATCH (o:Order)-[l:CONTAINS]->(:Part)
WHERE l.l_shipmode IN ['MAIL', 'SHIP']
  AND l.l_commitdate < l.l_receiptdate AND l.l_shipdate < l.l_commitdate
  AND l.l_receiptdate >= date('1994-01-01') AND l.l_receiptdate < date('1995-01-01')
RETURN l.l_shipmode AS l_shipmode,
       sum(CASE WHEN o.o_orderpriority IN ['1-URGENT', '2-HIGH'] THEN 1 ELSE 0 END) AS high_line_count,
       sum(CASE WHEN o.o_orderpriority IN ['1-URGENT', '2-HIGH'] THEN 0 ELSE 1 END) AS low_line_count
ORDER BY l_shipmode
