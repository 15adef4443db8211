// @ts-check
/**
 * The Lua scripts of the shared Redis cache (redis-cache-handler.mjs). Each runs atomically in
 * Redis, so a refresh can never fall between a check and a write. Times are Redis's own clock
 * (TIME, in microseconds, as a decimal string), so every instance is timed by one clock. An
 * entry is a hash: `v` its text (entry-codec.mjs), `t` its tags (one a line), `b` when its render
 * began; the refresh times are one hash per deployment, tag -> time.
 */

/** Redis's TIME as one number of microseconds, exactly (under 2^53 until the year 2255). */
const NOW_US =
  "local t = redis.call('TIME') local now = t[1] .. string.format('%06d', tonumber(t[2]))";

/** Whether a tag in the list was refreshed after `born`; tags are split on "\n". */
const REFRESHED_SINCE = `
local function refreshed(tagsKey, list, born)
  local tags = {}
  for tag in string.gmatch(list, '[^\\n]+') do table.insert(tags, tag) end
  if #tags == 0 then return false end
  local times = redis.call('HMGET', tagsKey, unpack(tags))
  for i = 1, #times do
    if times[i] and tonumber(times[i]) > born then return true end
  end
  return false
end`;

/** KEYS: entry, tag times. ARGV: the read's own tags. Returns { now, value?, tags?, born? }. */
export const GET = `${REFRESHED_SINCE}
${NOW_US}
local e = redis.call('HMGET', KEYS[1], 'v', 't', 'b')
if not e[1] then return { now } end
if refreshed(KEYS[2], e[2] .. '\\n' .. ARGV[1], tonumber(e[3])) then
  redis.call('DEL', KEYS[1])
  return { now }
end
return { now, e[1], e[2], e[3] }`;

/** KEYS: entry, tag times. ARGV: value, tags, born, ttl. Stores unless a tag was refreshed since born. */
export const SET = `${REFRESHED_SINCE}
if refreshed(KEYS[2], ARGV[2], tonumber(ARGV[3])) then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 't', ARGV[2], 'b', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1`;

/** KEYS: tag times. ARGV: tags. Notes each tag as refreshed now; returns now. */
export const REFRESH = `${NOW_US}
for i = 1, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], now) end
return now`;
