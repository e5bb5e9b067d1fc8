// A line item is the CONTAINS relationship of its order (found by the order_key index, or made a placeholder when the
// line item arrives first) with its l_linenumber; when its part changed, the old relationship goes and one to the new
// part is made, so l_partkey reads back from the endpoint as the row says.
UNWIND $rows AS row
MERGE (o:Order {o_orderkey: row.l_orderkey})
  ON CREATE SET o:Placeholder
MERGE (p:Part {p_partkey: row.l_partkey})
  ON CREATE SET p:Placeholder
WITH row, o, p
CALL (row, o, p) {
  MATCH (o)-[old:CONTAINS]->(before:Part)
  WHERE old.l_linenumber = row.l_linenumber AND before <> p
  DELETE old
}
MERGE (o)-[x:CONTAINS {l_linenumber: row.l_linenumber}]->(p)
SET x.l_suppkey = row.l_suppkey, x.l_quantity = row.l_quantity, x.l_extendedprice = row.l_extendedprice,
    x.l_discount = row.l_discount, x.l_tax = row.l_tax, x.l_returnflag = row.l_returnflag,
    x.l_linestatus = row.l_linestatus, x.l_shipdate = row.l_shipdate, x.l_commitdate = row.l_commitdate,
    x.l_receiptdate = row.l_receiptdate, x.l_shipinstruct = row.l_shipinstruct, x.l_shipmode = row.l_shipmode,
    x.l_comment = row.l_comment
