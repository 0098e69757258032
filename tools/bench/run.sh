#!/usr/bin/env bash
# The benchmark suite in one command (CONTRIBUTING.md, "Benchmarks"): builds the test classes, runs every workload
# (this SDK, raw OkHttp + Gson, @mastra/client-js on Node 20 and 22) against a loopback server, and writes
# BENCHMARKS.md at the top of the project. Options are Maven properties, e.g.:
#   tools/bench/run.sh -Dbench.mode=quick            one short round (a few minutes)
#   tools/bench/run.sh -Dbench.rounds=4 -Dbench.note="quiet 2-core machine"
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$top"
exec mvn -B -q -Pbench test-compile exec:exec@suite "$@"
