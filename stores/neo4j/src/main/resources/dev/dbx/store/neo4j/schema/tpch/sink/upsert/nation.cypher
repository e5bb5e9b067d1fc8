// The nation's region is its IN relationship: a region that is not there yet is made a placeholder (the region row
// may arrive later), and a nation moved to another region loses its old IN (placeholders.cypher then removes the old
// region if it was a placeholder nothing else links to).
UNWIND $rows AS row
MERGE (x:Nation {n_nationkey: row.n_nationkey})
SET x.n_name = row.n_name, x.n_comment = row.n_comment
REMOVE x:Placeholder
MERGE (r:Region {r_regionkey: row.n_regionkey})
  ON CREATE SET r:Placeholder
WITH x, r
CALL (x, r) {
  MATCH (x)-[old:IN]->(before:Region)
  WHERE before <> r
  DELETE old
}
MERGE (x)-[:IN]->(r)
