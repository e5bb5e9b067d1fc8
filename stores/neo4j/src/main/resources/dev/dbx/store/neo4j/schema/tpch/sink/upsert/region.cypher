// $rows: the rows after the change, as maps keyed by column name (one per key: the batch's last change of it).
// MERGE on the key (the region_key constraint's index) makes the node whether or not it was there; a placeholder the
// nations linked to before their region arrived becomes the row. A null value removes the property.
UNWIND $rows AS row
MERGE (x:Region {r_regionkey: row.r_regionkey})
SET x.r_name = row.r_name, x.r_comment = row.r_comment
REMOVE x:Placeholder
