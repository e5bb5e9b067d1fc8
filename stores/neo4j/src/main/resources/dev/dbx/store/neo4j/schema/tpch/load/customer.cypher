// c_nationkey becomes the IN relationship.
UNWIND $rows AS row
MATCH (n:Nation {n_nationkey: row.c_nationkey})
CREATE (:Customer {
  c_custkey: row.c_custkey, c_name: row.c_name, c_address: row.c_address, c_phone: row.c_phone,
  c_acctbal: row.c_acctbal, c_mktsegment: row.c_mktsegment, c_comment: row.c_comment
})-[:IN]->(n)
