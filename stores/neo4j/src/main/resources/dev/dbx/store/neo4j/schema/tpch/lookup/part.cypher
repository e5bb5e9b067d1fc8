UNWIND $keys AS k
MATCH (x:Part {p_partkey: k[0]})
WHERE NOT x:Placeholder
RETURN k
