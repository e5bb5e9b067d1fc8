UNWIND $keys AS k
MATCH (x:Supplier {s_suppkey: k[0]})
WHERE NOT x:Placeholder
RETURN k
