// [l_orderkey, l_linenumber]: the order found by its unique index, then the CONTAINS relationship of that line number
// among its few line items.
UNWIND $keys AS k
MATCH (:Order {o_orderkey: k[0]})-[x:CONTAINS]->(:Part)
WHERE x.l_linenumber = k[1]
RETURN k
