// s_nationkey becomes the IN relationship.
UNWIND $rows AS row
MATCH (n:Nation {n_nationkey: row.s_nationkey})
CREATE (:Supplier {
  s_suppkey: row.s_suppkey, s_name: row.s_name, s_address: row.s_address, s_phone: row.s_phone,
  s_acctbal: row.s_acctbal, s_comment: row.s_comment
})-[:IN]->(n)
