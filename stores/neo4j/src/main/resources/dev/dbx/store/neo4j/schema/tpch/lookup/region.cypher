// $keys: primary keys as lists of their values ([r_regionkey]); each found by the region_key unique index.
UNWIND $keys AS k
MATCH (x:Region {r_regionkey: k[0]})
WHERE NOT x:Placeholder
RETURN k
