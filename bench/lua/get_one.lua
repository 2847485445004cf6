-- GET /v1/services/<uuid>, cycling over the uuids in the file named after "--" (one a line).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
dofile(dir .. "uuids.lua")

function request()
  return wrk.format("GET", "/v1/services/" .. next_uuid())
end
