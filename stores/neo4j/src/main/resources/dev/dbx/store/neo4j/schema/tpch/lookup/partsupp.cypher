// [ps_partkey, ps_suppkey]: the SUPPLIES relationship between the supplier and the part, both found by their unique
// indexes.
UNWIND $keys AS k
MATCH (:Supplier {s_suppkey: k[1]})-[x:SUPPLIES]->(:Part {p_partkey: k[0]})
RETURN k
