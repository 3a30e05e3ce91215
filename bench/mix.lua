-- wrk script of the benchmark (bench/run.py): GETs the paths of a file, one per line, in the file's (shuffled)
-- order, and counts the answers by HTTP status.
--
--   wrk -t T -c C -d 8s -s bench/mix.lua http://127.0.0.1:18181 -- PATHS_FILE T START
--
-- Thread i of T begins at START + i/T of the list and walks on from there, wrapping at its end, so that the
-- threads ask different paths and few requests of a run repeat a path (how many do is counted: see done).
-- done() prints one line "mix.lua {json}": the answers by status, the requests sent, the paths in the list, each
-- thread's first position and count of requests (from which run.py works out how many paths a run asked more
-- than once), wrk's errors, and the latency percentiles in microseconds.

local threads = {}

function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if #line > 0 then
         paths[#paths + 1] = line
      end
   end
   if #paths == 0 then
      error("no paths in " .. args[1])
   end
   listed = #paths
   local count = tonumber(args[2]) or 1
   first = (math.floor((tonumber(args[3]) or 0) + index * #paths / count)) % #paths
   position = first
   sent = 0
   statuses = {}
end

function request()
   local path = paths[position + 1]
   position = (position + 1) % #paths
   sent = sent + 1
   return wrk.format("GET", path)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local byStatus, starts, counts, total = {}, {}, {}, 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         byStatus[status] = (byStatus[status] or 0) + count
      end
      starts[#starts + 1] = tostring(thread:get("first"))
      counts[#counts + 1] = tostring(thread:get("sent"))
      total = thread:get("listed")
   end
   local statusJson = {}
   for status, count in pairs(byStatus) do
      statusJson[#statusJson + 1] = string.format('"%d": %d', status, count)
   end
   local percentiles = {}
   for _, p in ipairs({50, 90, 99, 99.9}) do
      percentiles[#percentiles + 1] = string.format('"%s": %d', tostring(p), latency:percentile(p))
   end
   local e = summary.errors
   io.write(string.format(
      'mix.lua {"statuses": {%s}, "completed": %d, "duration_us": %d, "paths": %d, "starts": [%s], "sent": [%s], '
         .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
         .. '"latency_us": {%s, "mean": %d, "max": %d}}\n',
      table.concat(statusJson, ", "), summary.requests, summary.duration, total, table.concat(starts, ", "),
      table.concat(counts, ", "), e.connect, e.read, e.write, e.status, e.timeout, table.concat(percentiles, ", "),
      latency.mean, latency.max))
end
