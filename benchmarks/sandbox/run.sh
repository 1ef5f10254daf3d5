#!/usr/bin/env bash
# Measures sandbox start-up time: a trivial program through ProcessSandbox with bubblewrap (network none), with
# bubblewrap + slirp4netns (internet), with Landlock and seccomp, in rlimits-only mode, and plain python3 without any
# sandbox. Prints a Markdown table of p50/p95/mean/min/max in milliseconds. See README.md beside this script for
# measured numbers.
#
# Environment:
#   SANDBOX_BENCH_RUNS     measured runs per variant (default 30, after 3 warm-up runs)
#   SANDBOX_BENCH_BUILD    debug (default: reuses the test build) or release
#   SANDBOX_BENCHMARK_BIN  use this SandboxBenchmark binary instead of building one
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ -n "${SANDBOX_BENCHMARK_BIN:-}" ]]; then
  benchmark="$SANDBOX_BENCHMARK_BIN"
else
  build="${SANDBOX_BENCH_BUILD:-debug}"
  swift build -c "$build" --product SandboxBenchmark >&2
  benchmark="$(swift build -c "$build" --show-bin-path)/SandboxBenchmark"
fi

echo "# sandbox start-up, $(nproc) cores, $(uname -r), bubblewrap $(bwrap --version | cut -d' ' -f2), slirp4netns $(slirp4netns --version | head -1 | cut -d' ' -f3)"
"$benchmark" "${SANDBOX_BENCH_RUNS:-30}"
