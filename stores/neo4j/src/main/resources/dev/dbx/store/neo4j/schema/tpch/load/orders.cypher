// o_custkey becomes the PLACED relationship from the customer.
UNWIND $rows AS row
MATCH (c:Customer {c_custkey: row.o_custkey})
CREATE (c)-[:PLACED]->(:Order {
  o_orderkey: row.o_orderkey, o_orderstatus: row.o_orderstatus, o_totalprice: row.o_totalprice,
  o_orderdate: row.o_orderdate, o_orderpriority: row.o_orderpriority, o_clerk: row.o_clerk,
  o_shippriority: row.o_shippriority, o_comment: row.o_comment
})
