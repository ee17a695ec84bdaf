#!/usr/bin/env bash
# Durable accepts/s and p50/p99 of POST /api/requests against a bare WebFlux POST (same sign-in,
# body and validation; no store, no broker) in the same run, then list latency with the store full
# while requests keep arriving. Not a test. Load from wrk (a C client: it does not take the server's CPU).
#   intake-service/bench/accept-benchmark.sh        # the embedded stack: broker, store, intake as processes
#   FCR_INTAKE_URL=http://localhost:8081 FCR_DEMO_PASSWORD=… intake-service/bench/accept-benchmark.sh
# Knobs: CONNECTIONS (32), RUN_SECONDS (30), WARMUP (90: the optimising compiler needs minutes of load),
#        FCR_SKIP_BUILD=1 (jars already built), INTAKE_JVM (default: the run command's options for intake,
#        full JIT; e.g. INTAKE_JVM="-Xmx384m -XX:TieredStopAtLevel=1" for C1 only).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${CONNECTIONS:-32}
SECONDS_EACH=${RUN_SECONDS:-30}
WARMUP=${WARMUP:-90}
command -v wrk >/dev/null || { echo "installing wrk (Debian package) …"; apt-get install -y wrk >/dev/null; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
await_line() { # file pattern seconds
  for _ in $(seq 1 "$3"); do grep -aq "$2" "$1" && return 0; sleep 1; done
  echo "not ready: $1"; tail -30 "$1"; exit 1
}

if [[ -n "${FCR_INTAKE_URL:-}" ]]; then
  URL=$FCR_INTAKE_URL; PASSWORD=${FCR_DEMO_PASSWORD:?set FCR_DEMO_PASSWORD}
else
  [[ "${FCR_SKIP_BUILD:-0}" == "1" ]] || mvn -B -q -o install -DskipTests
  DATA=$(mktemp -d)
  (cd local-runtime && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$DATA/classpath")
  CP="local-runtime/target/classes:$(cat "$DATA/classpath")"
  KAFKA=$(free_port); CONTROLLER=$(free_port); MONGO=$(free_port); PORT=$(free_port)
  PIDS=()
  trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT
  java -Xmx512m -cp "$CP" org.fcr.local.InfrastructureProcess broker "$DATA/kafka" "$KAFKA" "$CONTROLLER" > "$DATA/broker.log" 2>&1 &
  PIDS+=($!)
  java -Xmx512m -cp "$CP" org.fcr.local.InfrastructureProcess store "$DATA/mongo/fcr.mv" "$MONGO" > "$DATA/store.log" 2>&1 &
  PIDS+=($!)
  await_line "$DATA/broker.log" READY 90; await_line "$DATA/store.log" READY 60
  PASSWORD=bench-password
  FCR_KAFKA=localhost:$KAFKA FCR_MONGO_URI=mongodb://localhost:$MONGO FCR_DEMO_PASSWORD=$PASSWORD \
    java ${INTAKE_JVM:--Xms64m -Xmx768m -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -Xshare:auto} \
    -jar intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar --server.port="$PORT" > "$DATA/intake.log" 2>&1 &
  PIDS+=($!)
  URL=http://localhost:$PORT
  await_line "$DATA/intake.log" "Started IntakeApplication" 120
fi

AUTH="Basic $(printf 'desk01:%s' "$PASSWORD" | base64 -w0)"
POST=$(mktemp --suffix=.lua); LIST=$(mktemp --suffix=.lua)
cat > "$POST" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "$AUTH"
wrk.body = '{"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE","customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},"description":"厨房水管漏水"}'
LUA
printf 'wrk.headers["Authorization"] = "%s"\n' "$AUTH" > "$LIST"

# one line per run: name, requests/s, p50, p99, non-2xx answers
measure() { # name seconds connections script path
  local out; out=$(wrk -t1 -c"$3" -d"$2"s --latency -s "$4" "$URL$5")
  printf '%-30s %9s req/s   p50 %9s   p99 %9s   non-2xx %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)"
}

echo "target $URL, $CONNECTIONS connections, $SECONDS_EACH s a run after $WARMUP s of warm-up each"
measure "warm-up bare" "$WARMUP" "$CONNECTIONS" "$POST" /api/bench/bare >/dev/null
measure "warm-up accept" "$WARMUP" "$CONNECTIONS" "$POST" /api/requests >/dev/null
measure "bare WebFlux POST" "$SECONDS_EACH" "$CONNECTIONS" "$POST" /api/bench/bare
measure "durable accept POST" "$SECONDS_EACH" "$CONNECTIONS" "$POST" /api/requests
# the lists while requests keep arriving: every request accepted above is stored and open
ACCEPTS=$(mktemp)
measure "accepts meanwhile" "$((2 * SECONDS_EACH))" 8 "$POST" /api/requests > "$ACCEPTS" &
MEANWHILE=$!
measure "open list (page 1 of 20)" "$SECONDS_EACH" 2 "$LIST" "/api/requests?status=OPEN&size=20"
measure "my open list" "$SECONDS_EACH" 2 "$LIST" "/api/requests?status=OPEN&firstResponder=desk01&size=20"
wait "$MEANWHILE"
cat "$ACCEPTS"
curl -s -u "desk01:$PASSWORD" "$URL/api/requests?status=OPEN&size=1" | grep -o '"total":[0-9]*' | sed 's/"total":/open requests stored now: /'
