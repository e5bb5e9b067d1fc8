-- Overwrites fields of an existing YCSB record; a missing record stays missing (a plain HSET would create it).
-- KEYS[1] the record's hash; ARGV field, value, ...  Returns 1 when updated, 0 when there is no such record.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
