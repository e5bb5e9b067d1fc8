UNWIND $rows AS row
CREATE (:User {
  ycsb_key: row.ycsb_key, field0: row.field0, field1: row.field1, field2: row.field2, field3: row.field3,
  field4: row.field4, field5: row.field5, field6: row.field6, field7: row.field7, field8: row.field8,
  field9: row.field9
})
