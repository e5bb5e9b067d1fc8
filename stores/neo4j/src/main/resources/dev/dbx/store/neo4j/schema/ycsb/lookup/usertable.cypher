// [ycsb_key]: found by the user_key unique index.
UNWIND $keys AS k
MATCH (x:User {ycsb_key: k[0]})
RETURN k
