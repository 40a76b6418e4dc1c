-- issue-tokens.lua with a pause of 64 ms before each request of a connection: at 64 connections about a third of
-- what the benchmark's server takes, for a warm-up that leaves the JIT compilers CPU (-Dbench.warmup-paced=true).
dofile("src/test/resources/bench/issue-tokens.lua")

function delay()
  return 64
end
