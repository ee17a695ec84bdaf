#!/usr/bin/env bash
# Accepted requests/s and p50/p99 of POST /api/requests against a bare endpoint, same run.
#   FCR_INTAKE_URL=http://localhost:8081 FCR_DEMO_PASSWORD=... bench/accept-benchmark.sh   # a running stack
#   bench/accept-benchmark.sh                                                              # starts its own
# Without FCR_INTAKE_URL it starts intake with a real KRaft broker and mongo-java-server on its H2
# backend (as the embedded default runs), on free ports, and stops them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-64}

if [[ -n "${FCR_INTAKE_URL:-}" ]]; then
  exec java bench/AcceptBenchmark.java "$FCR_INTAKE_URL" "${FCR_USER:-desk01}" "${FCR_DEMO_PASSWORD:?set FCR_DEMO_PASSWORD}" "$REQUESTS" "$CONCURRENCY"
fi

( cd .. && mvn -B -q -o install -pl intake-service -DskipTests )
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
LOG=$(mktemp)
java -Xmx1g -cp "$CP" org.fcr.intake.bench.BenchStack > "$LOG" 2>&1 &
STACK=$!
trap 'kill $STACK 2>/dev/null || true; wait $STACK 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  URL=$(grep -o 'INTAKE_URL=[^ ]*' "$LOG" | head -1 | cut -d= -f2 || true)
  [[ -n "$URL" ]] && break
  sleep 1
done
[[ -n "${URL:-}" ]] || { echo "intake did not start:"; tail -50 "$LOG"; exit 1; }
java bench/AcceptBenchmark.java "$URL" desk01 bench-password "$REQUESTS" "$CONCURRENCY"
