#!/usr/bin/env bash
# The run command: builds (unless FCR_SKIP_BUILD=1) and starts the whole system on its embedded
# default — a real Kafka broker (KRaft), the MongoDB-protocol server, the five services.
# Options: --speedup=N (time standards N× faster, for demos), --data=DIR (default .data),
# --simulate (feed a simulated working day at 60×). `./run.sh simulate --seed=7 --requests=50 --drill`
# feeds an already running system instead of starting one.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${FCR_SKIP_BUILD:-0}" != "1" ]; then
  echo "构建中 / Building (mvn -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
exec java -Xmx768m -jar local-runtime/target/local-runtime-0.1.0-SNAPSHOT-exec.jar "$@"
