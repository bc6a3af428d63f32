-- wrk script for scripts/load/risk-check.sh: POST /risk/check/p<0..7> with the seed's flat-position body,
-- cycling over 8 portfolios like the Java load client. The 8 requests are built once per wrk thread (init), so
-- the generator spends no time formatting requests.
local body = '{"quantity":1000,"market_value":130000,"unrealized_pnl":-4500,"leverage":2.6}'
local requests = {}
local n = 0

function init(args)
  for i = 0, 7 do
    requests[i] = wrk.format("POST", "/risk/check/p" .. i, {["Content-Type"] = "application/json"}, body)
  end
end

function request()
  n = n + 1
  return requests[n % 8]
end
