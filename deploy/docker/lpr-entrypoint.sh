#!/usr/bin/env bash
# The lpr image's entry point: one image, two programs.
#   serve ARGS...     the web UI, `lpr serve ARGS...`
#   lpr CMD ARGS...   any other lpr command (cameras, query, ...), e.g. `lpr cameras list`
#   job ARGS...       Flink's own entry point with ARGS (jobmanager, taskmanager, standalone-job, help)
#   anything else     Flink's own entry point, as in the plain Flink image: `jobmanager`, `taskmanager`,
#                     `flink run ...`. The Flink Kubernetes Operator calls Flink's entry point directly.
# The lpr CLI runs on the job jar, the web server's jars (serve/, kept out of the job jar) and Flink's lib/
# (Flink itself and the native-bearing libraries), as the flink user. LPR_HOME, FLINK_HOME and
# LPR_FLINK_ENTRYPOINT default to the image's paths.
set -euo pipefail
lpr_home="${LPR_HOME:-/opt/lpr}"
flink_home="${FLINK_HOME:-/opt/flink}"
flink_entry="${LPR_FLINK_ENTRYPOINT:-/docker-entrypoint.sh}"

lpr_cli() {
  local as_flink=()
  if [ "$(id -u)" = 0 ] && command -v gosu >/dev/null 2>&1; then
    as_flink=(gosu flink) # as Flink's own entry point does
  fi
  # shellcheck disable=SC2086 # LPR_JAVA_OPTS is a list of options
  exec "${as_flink[@]}" java ${LPR_JAVA_OPTS:--Xmx1g} \
    -Dai.djl.offline=true \
    -Dlog4j2.configurationFile="$lpr_home/log4j-cli.properties" \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    -cp "$lpr_home/lpr-job.jar:$lpr_home/serve/*:$flink_home/lib/*" io.lpr.cli.LprCli "$@"
}

case "${1:-}" in
  serve) lpr_cli "$@" ;;
  lpr) shift; lpr_cli "$@" ;;
  job) shift; exec "$flink_entry" "$@" ;;
  *) exec "$flink_entry" "$@" ;;
esac
