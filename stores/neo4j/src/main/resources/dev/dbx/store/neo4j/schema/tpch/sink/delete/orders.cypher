// The order's own reference (PLACED by its customer) goes with it; line items still in it keep it as a placeholder
// (the source deletes them first when its foreign key says so: then nothing links to it and it goes).
UNWIND $rows AS row
MATCH (x:Order {o_orderkey: row.o_orderkey})
OPTIONAL MATCH (:Customer)-[own:PLACED]->(x)
DELETE own
SET x = {o_orderkey: row.o_orderkey}, x:Placeholder
