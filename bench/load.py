"""wrk's load: the Lua scripts that drive it and the reading of its report."""

import json
import re
import subprocess
import urllib.parse
import uuid

from bench.scenarios import GRAPHQL_BODY, MISTYPED_QUERIES, REPLY_BODY, SEARCH_QUERIES

WRK_LUA = """
-- Every request of an "uncached" scenario must be new to the server's cache: its {n} is made
-- of this load's own tag (RUN_TAG, new for every wrk run), the wrk thread and a counter. (Two
-- threads counting alike, or a run repeating the last one's numbers, would be served from the
-- cache and measure it instead.) Responses the cache answered are counted and reported.
local threads = {}
local made = 0
setup = function(thread)
  made = made + 1
  thread:set("id", made)
  table.insert(threads, thread)
end
counter = 0
hits = 0
queries = { QUERY_LIST }
mistyped = { MISTYPED_LIST }
request = function()
  counter = counter + 1
  local path = string.gsub(wrk.path, "{n}", "RUN_TAG-" .. tostring(id) .. "-" .. tostring(counter))
  -- "%" starts a capture reference in gsub's replacement: double it (the queries are URL-encoded)
  local query = string.gsub(queries[math.random(1, #queries)], "%%", "%%%%")
  path = string.gsub(path, "{q}", query)
  local typo = string.gsub(mistyped[math.random(1, #mistyped)], "%%", "%%%%")
  path = string.gsub(path, "{t}", typo)
  return wrk.format(nil, path)
end
response = function(status, headers, body)
  if headers["X-Cache"] == "hit" then
    hits = hits + 1
  end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("hits")
  end
  io.write("cache hits: " .. tostring(total) .. "\\n")
end
""".replace(
    "QUERY_LIST", ", ".join(json.dumps(urllib.parse.quote(q)) for q in SEARCH_QUERIES)
).replace("MISTYPED_LIST", ", ".join(json.dumps(urllib.parse.quote(q)) for q in MISTYPED_QUERIES))
WRK_POST_LUA = """
wrk.method = "POST"
wrk.body = %s
wrk.headers["Content-Type"] = "application/json"
"""


WRK_REPLY_LUA = """
wrk.method = "POST"
wrk.body = %s
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "sessionid=%s; csrftoken=%s"
wrk.headers["X-CSRFToken"] = "%s"
"""


def load(port, path, args, workdir, fixtures):
    path = path.replace("{thread}", str(fixtures["thread"]))
    method, _, rest = path.partition(" ")
    method_post = method in ("POST", "REPLY")
    url_path = rest if method_post else path
    if method == "REPLY":
        script = workdir / "reply.lua"
        script.write_text(
            WRK_REPLY_LUA
            % (json.dumps(REPLY_BODY), fixtures["session"], fixtures["csrf"], fixtures["csrf"])
        )
    else:
        script = workdir / ("post.lua" if method_post else "get.lua")
        get_lua = WRK_LUA.replace("RUN_TAG", uuid.uuid4().hex[:12])
        script.write_text(WRK_POST_LUA % json.dumps(GRAPHQL_BODY) if method_post else get_lua)
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}{url_path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    def millis(value):
        number = float(value[:-2] if value.endswith(("ms", "us")) else value[:-1])
        if value.endswith("us"):
            return number / 1000
        if value.endswith("ms"):
            return number
        return number * 1000  # seconds

    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    # wrk prints p50/p90/p99; p95 is interpolated between p90 and p99.
    p90, p99 = millis(percentiles["90"]), millis(percentiles["99"])
    hits = re.search(r"^cache hits: (\d+)", output, re.MULTILINE)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        # the share of answers the server-side response cache gave (GET scenarios)
        "cache_hit_rate": round(int(hits.group(1)) / max(requests, 1), 4) if hits else 0.0,
        "p50_ms": round(millis(percentiles["50"]), 2),
        "p95_ms": round(p90 + (p99 - p90) * 5 / 9, 2),
        "p99_ms": round(p99, 2),
        "error_rate": round(errors / max(requests, 1), 4),
    }
