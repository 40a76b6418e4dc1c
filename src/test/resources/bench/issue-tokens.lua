-- wrk script for IssueThroughputBench: POST /api/tokens over six services, each request with a requestId of its
-- own (the run's prefix, the thread's number and a counter, as a UUID), then one summary line the runner reads.
-- Arguments after --: the run's 8-hex-digit prefix and the Authorization header value.
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = args[1]
  authorization = args[2]
  services = { "MED", "ORTH", "ENT", "PAED", "GYN", "LAB" }
  sent = 0
  created = 0
  replayed = 0
  refused = 0
  first_refusal = ""
end

function request()
  sent = sent + 1
  local body = string.format('{"requestId":"%s-%04x-4000-8000-%012x","serviceCode":"%s"}', run, thread_no, sent,
    services[(sent + thread_no) % 6 + 1])
  return wrk.format("POST", "/api/tokens",
    { ["Content-Type"] = "application/json", ["Authorization"] = authorization }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    replayed = replayed + 1
  else
    refused = refused + 1
    if first_refusal == "" then first_refusal = status .. " " .. string.sub(body, 1, 200) end
  end
end

function done(summary, latency, requests)
  local c, r, e, why = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    r = r + t:get("replayed")
    e = e + t:get("refused")
    if why == "" then why = t:get("first_refusal") end
  end
  io.write(string.format("BENCH created=%d replayed=%d refused=%d socket_errors=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f max=%.3f\n",
    c, r, e, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
  if why ~= "" then io.write("BENCH first refusal: " .. string.gsub(why, "\n", " ") .. "\n") end
end
