-- GET /v1/services with a JSON body of 50 uuids ([{"uuid": ...}, ...]), taking the next 50 of the uuids in
-- the file named after "--" each time (one a line).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local uuids, i = {}, 0
local batch = 50
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then uuids[#uuids + 1] = line end
  end
  assert(#uuids > 0, "get_batch.lua: no uuids in " .. tostring(args[1]))
  i = ((thread_index or 0) * 7919) % #uuids
end

-- wrk.format uses the headers given instead of wrk.headers (Host, Authorization from -H): copy them
local headers
function request()
  if not headers then
    headers = { ["Content-Type"] = "application/json" }
    for name, value in pairs(wrk.headers) do headers[name] = value end
  end
  local items = {}
  for k = 1, math.min(batch, #uuids) do
    i = i % #uuids + 1
    items[k] = '{"uuid":"' .. uuids[i] .. '"}'
  end
  return wrk.format("GET", "/v1/services", headers, "[" .. table.concat(items, ",") .. "]")
end
