-- wrk script for bench/creates: each request creates one organisation over the API (a unique name per thread and
-- request), and the 201s each thread received are counted so the run can be compared with what the database kept.
-- `counter` and `created` are globals of each thread's Lua state (thread:get reads globals only).
local threads = {}
counter = 0
created = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = args[1] or "run"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format('{"name":"Bench load %s %d-%d","kind":"partner"}', run, tid, counter)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("created")
  end
  io.write(string.format("acknowledged creates: %d\n", total))
end
