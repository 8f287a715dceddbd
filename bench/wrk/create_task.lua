-- E3: POST /api/tasks with a title no other request uses: the run's prefix (the script's
-- argument), the thread number, a random number per thread and a counter.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local prefix
local counter = 0

function init_thread(args)
  prefix = string.format("%s-%d-%d", args[1] or "bench", thread_number, math.random(1, 1e9))
end

function request()
  counter = counter + 1
  return wrk.format(nil, "/api/tasks", nil, string.format('{"title":"%s-%d"}', prefix, counter))
end
