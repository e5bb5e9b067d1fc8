UNWIND $keys AS k
MATCH (x:Nation {n_nationkey: k[0]})
RETURN k
