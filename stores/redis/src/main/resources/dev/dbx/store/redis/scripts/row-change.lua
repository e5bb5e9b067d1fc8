-- Applies one change of one dataset row atomically (the sink's unit): its hash, its id in the entity's id set, and its
-- member in each secondary sorted set. The entries of the row as it is now are found from its hash here, inside the
-- script, so a change needs no before-image and no other client can change the row between the read and the writes.
-- Applying a change twice leaves what applying it once did.
--
-- KEYS[1] the row's hash, KEYS[2] the entity's id set, KEYS[3..] the sorted sets the new row joins.
-- ARGV[1] 'upsert' or 'delete', ARGV[2] the row's id, ARGV[3] its score in the id set,
-- ARGV[4] s, the number of secondary sorted sets; then per set:
--   f, the number of hash fields its key holds, then 2f+1 parts: text, field, text, ..., field, text (the key is the
--   text with each field's current value in between; f = 0: the key itself), then the row's new score in it ('' for a
--   delete: the set to join is KEYS[2 + i] for the i-th set);
-- then the new hash's field, value pairs (an upsert; none when every value is null).
-- Returns 1 when the row was there before, 0 when it was not.
local hash, ids, id = KEYS[1], KEYS[2], ARGV[2]
local existed = redis.call('EXISTS', hash) + (redis.call('ZSCORE', ids, id) and 1 or 0) > 0
local at = 5
local scores = {}
for i = 1, tonumber(ARGV[4]) do
  local fields = tonumber(ARGV[at])
  local key = ARGV[at + 1]
  for j = 1, fields do
    local value = redis.call('HGET', hash, ARGV[at + 2 * j])
    if not value then
      key = nil -- no such row now, so no entry to remove
      break
    end
    key = key .. value .. ARGV[at + 2 * j + 1]
  end
  if key then
    redis.call('ZREM', key, id)
  end
  at = at + 2 * fields + 2
  scores[i] = ARGV[at]
  at = at + 1
end
redis.call('DEL', hash)
if ARGV[1] == 'delete' then
  redis.call('ZREM', ids, id)
else
  if #ARGV >= at then
    redis.call('HSET', hash, unpack(ARGV, at))
  end
  redis.call('ZADD', ids, ARGV[3], id)
  for i, score in ipairs(scores) do
    redis.call('ZADD', KEYS[2 + i], score, id)
  end
end
if existed then
  return 1
end
return 0
