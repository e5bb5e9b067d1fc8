// o_custkey is the PLACED relationship from the customer, re-pointed when the order moves to another customer. The
// order may be a placeholder its line items made before it arrived: it becomes the row, keeping them.
UNWIND $rows AS row
MERGE (x:Order {o_orderkey: row.o_orderkey})
SET x.o_orderstatus = row.o_orderstatus, x.o_totalprice = row.o_totalprice, x.o_orderdate = row.o_orderdate,
    x.o_orderpriority = row.o_orderpriority, x.o_clerk = row.o_clerk, x.o_shippriority = row.o_shippriority,
    x.o_comment = row.o_comment
REMOVE x:Placeholder
MERGE (c:Customer {c_custkey: row.o_custkey})
  ON CREATE SET c:Placeholder
WITH x, c
CALL (x, c) {
  MATCH (before:Customer)-[old:PLACED]->(x)
  WHERE before <> c
  DELETE old
}
MERGE (c)-[:PLACED]->(x)
