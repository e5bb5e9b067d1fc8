// The customer's own reference (IN its nation) goes with it; orders it PLACED keep it as a placeholder (their
// o_custkey still reads back).
UNWIND $rows AS row
MATCH (x:Customer {c_custkey: row.c_custkey})
OPTIONAL MATCH (x)-[own:IN]->(:Nation)
DELETE own
SET x = {c_custkey: row.c_custkey}, x:Placeholder
