MATCH (s:Supplier)
WHERE NOT s:Placeholder
OPTIONAL MATCH (s)-[:IN]->(n:Nation)
RETURN s.s_suppkey AS s_suppkey, s.s_name AS s_name, s.s_address AS s_address, n.n_nationkey AS s_nationkey,
       s.s_phone AS s_phone, s.s_acctbal AS s_acctbal, s.s_comment AS s_comment
