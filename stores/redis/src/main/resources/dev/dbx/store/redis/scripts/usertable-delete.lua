-- Deletes a YCSB record atomically: its hash and its place in the id set, so a scan never meets half a record.
-- KEYS[1] the record's hash, KEYS[2] the usertable's id set; ARGV[1] the record's key.
-- Returns 1 when there was a record, 0 when there was none.
local hashes = redis.call('DEL', KEYS[1])
local ids = redis.call('ZREM', KEYS[2], ARGV[1])
if hashes + ids > 0 then
  return 1
end
return 0
