UNWIND $keys AS k
MATCH (x:Order {o_orderkey: k[0]})
RETURN k
