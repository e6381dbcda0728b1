-- wrk script for bench/ussd.sh: each thread (one connection) walks USSD sessions in order, a new
-- sessionId and phone number per walk: CEK by name (4 steps), registration up to the village
-- (5 steps), the information menu (3 steps). wrk ... -- "<registered agency name>" <run 0-9>
-- The run number keeps each run's sessions and phones apart from the runs before it (the
-- warm-up's): a sessionId seen before would be a replay, a phone seen before a returning caller.
local walks
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local agency = args[1] or "PT Maju Jaya"
  run = tonumber(args[2] or "0") % 10
  walks = {
    {"", "2", "2*1", "2*1*" .. agency},
    {"", "1", "1*1", "1*1*Siti Aminah", "1*1*Siti Aminah*3507102001"},
    {"", "5", "5*1"},
  }
  session, step, walk = 0, 1, (tid % #walks) + 1
end

function request()
  local steps = walks[walk]
  if step == 1 then session = session + 1 end
  local body = "sessionId=b" .. run .. "-" .. tid .. "-" .. session
    .. "&phoneNumber=" .. encode(string.format("+62812%d%02d%05d", run, tid, session % 100000))
    .. "&serviceCode=" .. encode("*123#") .. "&networkCode=51010"
    .. "&text=" .. encode(steps[step])
  step = step + 1
  if step > #steps then step, walk = 1, (walk % #walks) + 1 end
  return wrk.format("POST", "/ussd", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

bad = 0

function response(status, headers, body)
  -- An error is anything but a screen, or the apology a failing step shows.
  local screen = body:sub(1, 4) == "CON " or body:sub(1, 4) == "END "
  if status ~= 200 or not screen or body:find("sibuk", 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.1f %.1f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, total + failed, summary.requests))
end
