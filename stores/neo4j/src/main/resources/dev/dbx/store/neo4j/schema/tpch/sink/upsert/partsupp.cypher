// An offer is the SUPPLIES relationship between its two keys' nodes, so its key never moves: MERGE finds or makes it
// (a supplier or part not there yet becomes a placeholder) and its properties become the row's.
UNWIND $rows AS row
MERGE (s:Supplier {s_suppkey: row.ps_suppkey})
  ON CREATE SET s:Placeholder
MERGE (p:Part {p_partkey: row.ps_partkey})
  ON CREATE SET p:Placeholder
MERGE (s)-[x:SUPPLIES]->(p)
SET x.ps_availqty = row.ps_availqty, x.ps_supplycost = row.ps_supplycost, x.ps_comment = row.ps_comment
