#!/usr/bin/env bash
# Durable accepts/s and p50/p99 of POST /api/requests against a bare WebFlux POST (same sign-in,
# body and validation; no store, no broker) in the same run, then list latency with the store full
# while requests keep arriving. Load from wrk (a C client, so the client does not eat the server's CPU).
#   intake-service/bench/accept-benchmark.sh                     # starts intake + KRaft broker + H2 store
#   FCR_INTAKE_URL=http://localhost:8081 FCR_DEMO_PASSWORD=… intake-service/bench/accept-benchmark.sh
# Knobs: CONNECTIONS (32), SECONDS (30), WARMUP (40): the JIT needs its warm-up on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-32}
SECONDS_EACH=${SECONDS:-30}
WARMUP=${WARMUP:-40}
command -v wrk >/dev/null || { echo "installing wrk (Debian package) …"; apt-get install -y wrk >/dev/null; }

if [[ -n "${FCR_INTAKE_URL:-}" ]]; then
  URL=$FCR_INTAKE_URL; PASSWORD=${FCR_DEMO_PASSWORD:?set FCR_DEMO_PASSWORD}
else
  ( cd .. && mvn -B -q -o install -pl service-support,intake-service -DskipTests )
  mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  LOG=$(mktemp)
  java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.fcr.intake.bench.BenchStack > "$LOG" 2>&1 &
  STACK=$!
  trap 'kill $STACK 2>/dev/null || true; wait $STACK 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    URL=$(grep -o 'INTAKE_URL=[^ ]*' "$LOG" | head -1 | cut -d= -f2 || true)
    [[ -n "$URL" ]] && break
    sleep 1
  done
  [[ -n "${URL:-}" ]] || { echo "intake did not start:"; tail -50 "$LOG"; exit 1; }
  PASSWORD=bench-password
fi

SCRIPT=$(mktemp --suffix=.lua)
cat > "$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic $(printf 'desk01:%s' "$PASSWORD" | base64 -w0)"
wrk.body = '{"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE","customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},"description":"厨房水管漏水"}'
LUA
LIST=$(mktemp --suffix=.lua)
cat > "$LIST" <<LUA
wrk.headers["Authorization"] = "Basic $(printf 'desk01:%s' "$PASSWORD" | base64 -w0)"
LUA

# one line per run: name, requests/s, p50, p99, non-2xx answers
measure() { # name seconds connections script path
  local out; out=$(wrk -t1 -c"$3" -d"$2"s --latency -s "$4" "$URL$5")
  printf '%-34s %8s req/s   p50 %9s   p99 %9s   errors %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)"
}

echo "target $URL, $CONNECTIONS connections, $SECONDS_EACH s per run after $WARMUP s of warm-up each"
measure "warm-up bare" "$WARMUP" "$CONNECTIONS" "$SCRIPT" /api/bench/bare >/dev/null
measure "warm-up accept" "$WARMUP" "$CONNECTIONS" "$SCRIPT" /api/requests >/dev/null
measure "bare WebFlux POST" "$SECONDS_EACH" "$CONNECTIONS" "$SCRIPT" /api/bench/bare
measure "durable accept POST" "$SECONDS_EACH" "$CONNECTIONS" "$SCRIPT" /api/requests
# lists while requests keep arriving: the store now holds every request accepted above
measure "accepts during the lists" "$((2 * SECONDS_EACH))" 8 "$SCRIPT" /api/requests > /tmp/fcr-bench-accepts.$$ &
measure "open list, page 1 of 20" "$SECONDS_EACH" 4 "$LIST" "/api/requests?status=OPEN&size=20"
measure "overdue list" "$SECONDS_EACH" 2 "$LIST" "/api/requests?status=OPEN&overdue=true&size=20"
wait %1 2>/dev/null || true
cat /tmp/fcr-bench-accepts.$$; rm -f /tmp/fcr-bench-accepts.$$
curl -s -u "desk01:$PASSWORD" "$URL/api/requests?size=1" | grep -o '"total":[0-9]*' | sed 's/^/stored requests now: /' || true
