UNWIND $keys AS k
MATCH (x:Customer {c_custkey: k[0]})
RETURN k
