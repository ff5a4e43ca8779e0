-- wrk script of bench/load.py: each request is drawn from a weighted list of templates
-- whose {pool} placeholders take a random id. load.py writes the list to MIX_FILE:
--   token <jwt>
--   pool <name> <id>
--   request <weight> <method> <path template> [<body template>]

local token, pools, requests, total = "", {}, {}, 0

local function fields(line)
  local out = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do out[#out + 1] = field end
  return out
end

function init(args)
  for line in io.lines(os.getenv("MIX_FILE")) do
    local f = fields(line)
    if f[1] == "token" then
      token = f[2]
    elseif f[1] == "pool" then
      pools[f[2]] = pools[f[2]] or {}
      table.insert(pools[f[2]], f[3])
    elseif f[1] == "request" then
      total = total + tonumber(f[2])
      table.insert(requests, {upto = total, method = f[3], path = f[4], body = f[5]})
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function fill(template)
  return (template:gsub("{([%w_]+)}", function(name)
    local pool = pools[name]
    return pool[math.random(#pool)]
  end))
end

function request()
  local pick, chosen = math.random() * total, requests[#requests]
  for _, candidate in ipairs(requests) do
    if pick <= candidate.upto then chosen = candidate break end
  end
  local headers = {["Authorization"] = "Bearer " .. token}
  local body = nil
  if chosen.body and chosen.body ~= "" then
    headers["Content-Type"] = "application/json"
    body = fill(chosen.body)
  end
  return wrk.format(chosen.method, fill(chosen.path), headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("MIX requests=%d errors=%d non2xx=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.errors.status, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
