// A partsupp row is the offer of a supplier for a part: (:Supplier)-[:SUPPLIES]->(:Part), its key the two endpoints.
UNWIND $rows AS row
MATCH (s:Supplier {s_suppkey: row.ps_suppkey})
MATCH (p:Part {p_partkey: row.ps_partkey})
CREATE (s)-[:SUPPLIES {ps_availqty: row.ps_availqty, ps_supplycost: row.ps_supplycost, ps_comment: row.ps_comment}]->(p)
