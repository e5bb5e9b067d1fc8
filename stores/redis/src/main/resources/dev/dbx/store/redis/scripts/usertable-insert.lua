-- Inserts (or replaces) a YCSB record atomically: its hash and its place in the key-ordered id set.
-- KEYS[1] the record's hash, KEYS[2] the usertable's id set; ARGV[1] the record's key, ARGV[2..] field, value, ...
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('ZADD', KEYS[2], 0, ARGV[1])
return 1
