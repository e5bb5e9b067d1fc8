// The nation's own reference (IN its region) goes with it; the customers and suppliers IN it keep it as a placeholder
// (see region.cypher).
UNWIND $rows AS row
MATCH (x:Nation {n_nationkey: row.n_nationkey})
OPTIONAL MATCH (x)-[own:IN]->(:Region)
DELETE own
SET x = {n_nationkey: row.n_nationkey}, x:Placeholder
