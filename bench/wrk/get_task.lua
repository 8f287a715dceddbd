-- E1: GET /api/tasks/{id}, a random id among the bench user's tasks (BENCH_TASK_MIN..MAX).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")

local first = tonumber(os.getenv("BENCH_TASK_MIN"))
local last = tonumber(os.getenv("BENCH_TASK_MAX"))

function request()
  return wrk.format("GET", "/api/tasks/" .. math.random(first, last))
end
