MATCH (u:User)
RETURN u.ycsb_key AS ycsb_key, u.field0 AS field0, u.field1 AS field1, u.field2 AS field2, u.field3 AS field3,
       u.field4 AS field4, u.field5 AS field5, u.field6 AS field6, u.field7 AS field7, u.field8 AS field8,
       u.field9 AS field9
