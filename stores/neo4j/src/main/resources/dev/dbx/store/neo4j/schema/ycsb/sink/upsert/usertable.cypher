// $rows: the records after the change, as maps keyed by column name; MERGE on the user_key constraint's index.
UNWIND $rows AS row
MERGE (x:User {ycsb_key: row.ycsb_key})
SET x.field0 = row.field0, x.field1 = row.field1, x.field2 = row.field2, x.field3 = row.field3,
    x.field4 = row.field4, x.field5 = row.field5, x.field6 = row.field6, x.field7 = row.field7,
    x.field8 = row.field8, x.field9 = row.field9
