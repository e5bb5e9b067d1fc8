// Offers and line items still linked to the part keep it as a placeholder (see region.cypher).
UNWIND $rows AS row
MATCH (x:Part {p_partkey: row.p_partkey})
SET x = {p_partkey: row.p_partkey}, x:Placeholder
