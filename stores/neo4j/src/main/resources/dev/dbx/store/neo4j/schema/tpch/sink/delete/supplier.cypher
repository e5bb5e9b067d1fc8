// The supplier's own reference (IN its nation) goes with it; offers still linked keep it as a placeholder.
UNWIND $rows AS row
MATCH (x:Supplier {s_suppkey: row.s_suppkey})
OPTIONAL MATCH (x)-[own:IN]->(:Nation)
DELETE own
SET x = {s_suppkey: row.s_suppkey}, x:Placeholder
