#!/usr/bin/env bash
# Submits the lpr job to the Flink cluster that $FLINK_HOME points at. Extra arguments go to the job,
# e.g. deploy/standalone/submit.sh --models /opt/lpr/models --camera gate1=/data/gate1.mp4
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${FLINK_HOME:?set FLINK_HOME to the Flink 2.2 installation}"
jar=$(ls "$root"/job/target/lpr-job-*-flink.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests package)
  jar=$(ls "$root"/job/target/lpr-job-*-flink.jar | head -n 1)
fi
exec "$FLINK_HOME/bin/flink" run -d "$jar" "$@"
