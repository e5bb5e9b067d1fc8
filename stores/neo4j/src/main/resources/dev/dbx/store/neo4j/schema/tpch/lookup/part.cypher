UNWIND $keys AS k
MATCH (x:Part {p_partkey: k[0]})
RETURN k
