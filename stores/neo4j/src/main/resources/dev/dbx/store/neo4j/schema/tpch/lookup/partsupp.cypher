// [ps_partkey, ps_suppkey]: the SUPPLIES relationship between the supplier and the part, both found by their unique
// indexes.
UNWIND $keys AS k
MATCH (:Supplier {s_suppkey: k[1]})-[x:SUPPLIES]->(p:Part {p_partkey: k[0]})
USING INDEX p:Part(p_partkey)
RETURN k
