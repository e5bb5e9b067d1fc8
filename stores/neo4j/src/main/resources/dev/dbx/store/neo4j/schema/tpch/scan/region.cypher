// Every column, aliased to its TPC-H name, in the schema's column order (the scanner checks the names).
MATCH (r:Region)
WHERE NOT r:Placeholder
RETURN r.r_regionkey AS r_regionkey, r.r_name AS r_name, r.r_comment AS r_comment
