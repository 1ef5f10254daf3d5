-- wrk script: POSTs /code/search bodies read from the file named by QUERIES, round-robin.
local bodies = {}
for line in io.lines(os.getenv("QUERIES")) do
  if #line > 0 then table.insert(bodies, line) end
end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/code/search", { ["Content-Type"] = "application/json" }, bodies[i])
end
