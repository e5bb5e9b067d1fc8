// n_regionkey is read from the IN relationship; OPTIONAL so that a nation without one still scans (with a null key).
MATCH (n:Nation)
WHERE NOT n:Placeholder
OPTIONAL MATCH (n)-[:IN]->(r:Region)
RETURN n.n_nationkey AS n_nationkey, n.n_name AS n_name, r.r_regionkey AS n_regionkey, n.n_comment AS n_comment
