// A record links to nothing, so it goes at once (no placeholder).
UNWIND $rows AS row
MATCH (x:User {ycsb_key: row.ycsb_key})
DELETE x
