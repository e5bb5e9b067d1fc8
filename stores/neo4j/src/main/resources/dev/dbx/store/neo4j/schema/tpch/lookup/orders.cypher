UNWIND $keys AS k
MATCH (x:Order {o_orderkey: k[0]})
WHERE NOT x:Placeholder
RETURN k
