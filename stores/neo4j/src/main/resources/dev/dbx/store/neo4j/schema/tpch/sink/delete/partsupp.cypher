// The SUPPLIES relationship between the two keys' nodes, both found by their unique indexes (the hint keeps the
// planner on them, as in lookup/partsupp.cypher).
UNWIND $rows AS row
MATCH (:Supplier {s_suppkey: row.ps_suppkey})-[x:SUPPLIES]->(p:Part {p_partkey: row.ps_partkey})
USING INDEX p:Part(p_partkey)
DELETE x
