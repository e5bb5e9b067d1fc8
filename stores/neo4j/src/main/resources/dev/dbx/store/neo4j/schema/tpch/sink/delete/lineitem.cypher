// The CONTAINS relationship of that line number, found from its order by the order_key index (see
// lookup/lineitem.cypher for the hint).
UNWIND $rows AS row
MATCH (o:Order {o_orderkey: row.l_orderkey})-[x:CONTAINS]->(:Part)
USING INDEX o:Order(o_orderkey)
WHERE x.l_linenumber = row.l_linenumber
DELETE x
