UNWIND $keys AS k
MATCH (x:Supplier {s_suppkey: k[0]})
RETURN k
