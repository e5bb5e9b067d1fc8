// $rows: the deleted rows' keys, as maps keyed by column name (other columns may be null: a delete needs only its key).
// A deleted node becomes a placeholder, its properties gone but its key kept: nations still IN it keep reading their
// n_regionkey back; placeholders.cypher removes it at the end of the transaction if nothing links to it. A key that is
// not there matches nothing.
UNWIND $rows AS row
MATCH (x:Region {r_regionkey: row.r_regionkey})
SET x = {r_regionkey: row.r_regionkey}, x:Placeholder
