MATCH (c:Customer)
WHERE NOT c:Placeholder
OPTIONAL MATCH (c)-[:IN]->(n:Nation)
RETURN c.c_custkey AS c_custkey, c.c_name AS c_name, c.c_address AS c_address, n.n_nationkey AS c_nationkey,
       c.c_phone AS c_phone, c.c_acctbal AS c_acctbal, c.c_mktsegment AS c_mktsegment, c.c_comment AS c_comment
