#!/usr/bin/env bash
# The embedded store's inserts/s and single-document updates/s, plain H2 backend against the durable
# one (group commit), in one run. Not a test. Usage: store-benchmark.sh [seconds per phase] [writers,…]
# Needs the module built once (mvn -B -o -q package -DskipTests from the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath=$(cat target/bench.classpath)
exec java -Xmx512m -cp "target/test-classes:target/classes:$classpath" org.fcr.local.StoreBenchmark "$@"
