UNWIND $keys AS k
MATCH (x:Nation {n_nationkey: k[0]})
WHERE NOT x:Placeholder
RETURN k
