#!/usr/bin/env bash
# Not a test: how long intake and dispatch take to stop (SIGTERM) once their broker is gone while requests
# keep arriving. Against a running full-path-stack.sh (which is then spent: Ctrl-C it afterwards).
# Load: DepartmentLatency at RATE req/s (default 100); after 25 s the broker gets kill -9, 3 s later both
# services get SIGTERM. Build the bench class path first (see NOTES.md, "Latency benchmarks").
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-100}
export FCR_INTAKE_URL=${FCR_INTAKE_URL:-http://localhost:18081} FCR_KAFKA=${FCR_KAFKA:-localhost:19092}
export FCR_DEMO_PASSWORD=${FCR_DEMO_PASSWORD:-bench-password}
java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.fcr.local.bench.DepartmentLatency "$RATE" 60 5 \
  > /dev/null 2>&1 & load=$!
sleep 25
intake=$(pgrep -f 'intake-service.*exec.jar'); dispatch=$(pgrep -f 'dispatch-service.*exec.jar')
kill -9 "$(pgrep -f 'InfrastructureProcess broker')"
sleep 3
started=$(date +%s.%N)
kill "$intake" "$dispatch"
intake_took="" dispatch_took=""
while [ -z "$intake_took" ] || [ -z "$dispatch_took" ]; do
  [ -z "$intake_took" ] && ! kill -0 "$intake" 2>/dev/null && intake_took=$(echo "$(date +%s.%N) - $started" | bc)
  [ -z "$dispatch_took" ] && ! kill -0 "$dispatch" 2>/dev/null && dispatch_took=$(echo "$(date +%s.%N) - $started" | bc)
  sleep 0.2
done
kill "$load" 2>/dev/null || true
printf 'stopped after SIGTERM, broker gone: intake %.1f s, dispatch %.1f s\n' "$intake_took" "$dispatch_took"
