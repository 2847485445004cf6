-- GET /v1/services with a JSON body of 50 uuids ([{"uuid": ...}, ...]), taking the next 50 of the uuids in
-- the file named after "--" each time (one a line).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
dofile(dir .. "uuids.lua")

local batch = 50
-- wrk.format uses the headers given instead of wrk.headers (Host, Authorization from -H): copy them
local headers
function request()
  if not headers then
    headers = { ["Content-Type"] = "application/json" }
    for name, value in pairs(wrk.headers) do headers[name] = value end
  end
  local items = {}
  for k = 1, math.min(batch, #uuids) do
    items[k] = '{"uuid":"' .. next_uuid() .. '"}'
  end
  return wrk.format("GET", "/v1/services", headers, "[" .. table.concat(items, ",") .. "]")
end
