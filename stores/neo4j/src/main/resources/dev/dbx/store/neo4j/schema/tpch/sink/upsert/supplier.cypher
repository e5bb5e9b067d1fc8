// s_nationkey is the IN relationship, re-pointed when the supplier moves to another nation (see nation.cypher).
UNWIND $rows AS row
MERGE (x:Supplier {s_suppkey: row.s_suppkey})
SET x.s_name = row.s_name, x.s_address = row.s_address, x.s_phone = row.s_phone, x.s_acctbal = row.s_acctbal,
    x.s_comment = row.s_comment
REMOVE x:Placeholder
MERGE (n:Nation {n_nationkey: row.s_nationkey})
  ON CREATE SET n:Placeholder
WITH x, n
CALL (x, n) {
  MATCH (x)-[old:IN]->(before:Nation)
  WHERE before <> n
  DELETE old
}
MERGE (x)-[:IN]->(n)
