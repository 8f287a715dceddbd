-- Shared by every bench script (and used alone for the list pages): the bearer token from
-- BENCH_TOKEN, a thread number for each thread, and done(), which prints one JSON line.
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  -- Each thread has its own Lua state: seed it apart from the others.
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  if init_thread then init_thread(args) end
end

function done(summary, latency, requests)
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,'
      .. '"max_ms":%.2f,"non2xx":%d,"socket_errors":%d,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, socket_errors, e.status + socket_errors))
end
