#!/usr/bin/env bash
# For benchmarks only (not a test): the part of the embedded stack a request crosses on its way to a
# department, each part a process of its own as the run command has it — the KRaft broker and the durable
# H2 store (InfrastructureProcess), intake and dispatch from their exec jars with the run command's JVM
# options — on fixed ports, in a fresh folder. Stops with Ctrl-C. Build first: mvn -B -o -q package -DskipTests
# STORE_JVM sets the store's JVM options (default -Xmx768m, as the run command's launcher has), HOT_JVM
# those of intake and dispatch (default: the run command's).
# Then, from local-runtime (see NOTES.md, "Latency benchmarks"):
#   FCR_INTAKE_URL=http://localhost:18081 FCR_KAFKA=localhost:19092 FCR_DEMO_PASSWORD=bench-password \
#     java -cp target/test-classes:target/classes:$(cat target/bench.cp) org.fcr.local.bench.DepartmentLatency 200 30 20
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-$(mktemp -d /tmp/fcr-full-path.XXXXXX)}
HOT_JVM=${HOT_JVM:-"-Xms64m -Xmx768m -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -Xshare:auto"}
(cd local-runtime && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/runtime.cp)
CP="local-runtime/target/classes:$(cat local-runtime/target/runtime.cp)"
infrastructure=() services=()
# services first: a service stopping while the broker is already gone takes up to ~25 s (see
# stop-without-broker.sh), and one still alive when the next run starts on the same ports sends its old work there
stop() {
  trap - EXIT INT TERM
  # set -e must not end this early: a killed process's wait status is not zero
  kill "${services[@]}" 2>/dev/null || true; wait "${services[@]}" 2>/dev/null || true
  kill "${infrastructure[@]}" 2>/dev/null || true; wait || true
}
trap stop EXIT INT TERM
java -Xmx512m -cp "$CP" org.fcr.local.InfrastructureProcess broker "$DATA/kafka" 19092 19093 > "$DATA/broker.log" 2>&1 & infrastructure+=($!)
java ${STORE_JVM:--Xmx768m} -cp "$CP" org.fcr.local.InfrastructureProcess store "$DATA/mongo/fcr.mv" 27117 > "$DATA/store.log" 2>&1 & infrastructure+=($!)
for _ in $(seq 90); do grep -q READY "$DATA/broker.log" && grep -q READY "$DATA/store.log" && break; sleep 1; done
export FCR_KAFKA=localhost:19092 FCR_MONGO_URI=mongodb://localhost:27117 FCR_DEMO_PASSWORD=bench-password
java $HOT_JVM -jar intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar --server.port=18081 > "$DATA/intake.log" 2>&1 & services+=($!)
java $HOT_JVM -jar dispatch-service/target/dispatch-service-0.1.0-SNAPSHOT-exec.jar --server.port=18082 > "$DATA/dispatch.log" 2>&1 & services+=($!)
for _ in $(seq 180); do
  grep -q "Started IntakeApplication" "$DATA/intake.log" && grep -q "Started DispatchApplication" "$DATA/dispatch.log" && break
  sleep 1
done
echo "up: intake http://localhost:18081, broker localhost:19092, store localhost:27117 (logs in $DATA); Ctrl-C stops"
wait
