UNWIND $keys AS k
MATCH (x:Customer {c_custkey: k[0]})
WHERE NOT x:Placeholder
RETURN k
