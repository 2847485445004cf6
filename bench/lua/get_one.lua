-- GET /v1/services/<uuid>, cycling over the uuids in the file named after "--" (one a line).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local uuids, i = {}, 0
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then uuids[#uuids + 1] = line end
  end
  assert(#uuids > 0, "get_one.lua: no uuids in " .. tostring(args[1]))
  i = ((thread_index or 0) * 7919) % #uuids -- threads start at different points of the list
end

function request()
  i = i % #uuids + 1
  return wrk.format("GET", "/v1/services/" .. uuids[i])
end
