// $rows: region rows as maps keyed by column name.
UNWIND $rows AS row
CREATE (:Region {r_regionkey: row.r_regionkey, r_name: row.r_name, r_comment: row.r_comment})
