-- Shared by the wrk scripts that cycle over the uuids in the file named after "--" (one a line): each thread
-- loads them and starts at a different point of the list. next_uuid() answers the next one.
local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

uuids = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then uuids[#uuids + 1] = line end
  end
  assert(#uuids > 0, "no uuids in " .. tostring(args[1]))
  i = ((thread_index or 0) * 7919) % #uuids
end

function next_uuid()
  i = i % #uuids + 1
  return uuids[i]
end
