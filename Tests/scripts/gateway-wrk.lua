-- wrk script: POST /v1/ask with questions from a small mix, each request from one of USERS distinct users
-- (per wrk thread, so threads never share a user). Usage: wrk -s gateway-wrk.lua ... (env WRK_USERS, default 1000)
local questions = {
  "apa itu KOL?", "apa itu influencer?", "bedanya apa?", "contohnya?", "what is a KOL?",
  "what is an influencer?", "what are the differences?", "yang kedua?", "siapa presiden pertama?", "kalau KOL?",
}
local users = tonumber(os.getenv("WRK_USERS") or "1000")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  wrk.method = "POST"
  wrk.path = "/v1/ask"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local q = questions[(n % #questions) + 1]
  local body = string.format('{"text":"%s","user":"load-%d-%d"}', q, id, n % users)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 then
    failures = (failures or 0) + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + (t:get("failures") or 0) end
  io.write(string.format("non-200 responses: %d\n", failed))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
end
