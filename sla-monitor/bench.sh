#!/usr/bin/env bash
# The SLA engine benchmark (not a test). Usage, from anywhere: sla-monitor/bench.sh [large-open-count]
# Builds the module's test classes offline, copies them aside (so a rebuild during the run cannot
# disturb it), then runs org.fcr.sla.bench.SlaBenchmark; the breach-lag part starts a real embedded
# KRaft broker on an ephemeral port.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath -pl sla-monitor \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
cp -r sla-monitor/target/classes "$run/classes"
cp -r sla-monitor/target/test-classes "$run/test-classes"
java -Xmx${BENCH_HEAP:-512m} -cp "$run/test-classes:$run/classes:$(cat sla-monitor/target/bench.classpath)" \
    org.fcr.sla.bench.SlaBenchmark "$@"
