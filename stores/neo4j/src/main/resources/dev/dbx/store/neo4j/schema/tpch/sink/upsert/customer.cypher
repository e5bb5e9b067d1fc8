// c_nationkey is the IN relationship, re-pointed when the customer moves to another nation (see nation.cypher).
UNWIND $rows AS row
MERGE (x:Customer {c_custkey: row.c_custkey})
SET x.c_name = row.c_name, x.c_address = row.c_address, x.c_phone = row.c_phone, x.c_acctbal = row.c_acctbal,
    x.c_mktsegment = row.c_mktsegment, x.c_comment = row.c_comment
REMOVE x:Placeholder
MERGE (n:Nation {n_nationkey: row.c_nationkey})
  ON CREATE SET n:Placeholder
WITH x, n
CALL (x, n) {
  MATCH (x)-[old:IN]->(before:Nation)
  WHERE before <> n
  DELETE old
}
MERGE (x)-[:IN]->(n)
