// The key is unique; its range index serves reads by key and ordered range scans (an index seek that yields keys in
// order, so ORDER BY ... LIMIT needs no sort).
CREATE CONSTRAINT user_key IF NOT EXISTS FOR (u:User) REQUIRE u.ycsb_key IS UNIQUE;
