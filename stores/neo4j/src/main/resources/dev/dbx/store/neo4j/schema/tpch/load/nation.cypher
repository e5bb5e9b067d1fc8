// n_regionkey becomes the IN relationship; MATCH before CREATE, so a nation whose region is missing is not created
// (the loader compares nodes created with rows sent and reports it).
UNWIND $rows AS row
MATCH (r:Region {r_regionkey: row.n_regionkey})
CREATE (:Nation {n_nationkey: row.n_nationkey, n_name: row.n_name, n_comment: row.n_comment})-[:IN]->(r)
