#!/usr/bin/env bash
# Local launcher: builds the project when needed, then runs the CLI (io.lpr.cli.LprCli) on the job's
# compile classpath (Flink, the models' native libraries, the drivers; never a test-scope jar), so
# `./lpr demo` and `./lpr run` work with no cluster. `./lpr run --cluster` builds the job jar it submits too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath_file="$root/job/target/lpr.classpath"
sources=("$root/pom.xml" "$root/udf/pom.xml" "$root/job/pom.xml" "$root/udf/src/main" "$root/job/src/main")

# True when FILE is missing, empty, or older than any source.
stale() {
  [ ! -s "$1" ] && return 0
  [ -n "$(find "${sources[@]}" -newer "$1" -print -quit)" ]
}

# The job jar `run --cluster` submits (job/target/lpr-job-*-flink.jar); empty when there is none.
job_jar() {
  compgen -G "$root/job/target/lpr-job-*-flink.jar" | head -n 1 || true
}

# `run ... --cluster ...` without its own --jar: the job jar must be there and current.
submits_built_jar() {
  [ "${1:-}" = run ] || return 1
  local arg cluster=no
  for arg in "$@"; do
    case "$arg" in
      --jar|--jar=*) return 1 ;;
      --cluster|--cluster=*) cluster=yes ;;
    esac
  done
  [ "$cluster" = yes ]
}

# The classpath files come from the job pom's `lpr-classpath` (includeScope=compile: compile, provided and
# system scopes) and `lpr-runtime-classpath` (runtime) executions, so ./lpr and `lpr cluster start` run on
# what the job needs and nothing of its tests. `touch`: the dependency plugin leaves an unchanged file as it was.
build() {
  local goal="$1" what="$2"
  echo "lpr: building $what (first run, or sources changed)..." >&2
  # Maven 3.8's quiet mode still writes colour resets (ESC[0m) with colour off: strip them from what it says.
  if ! (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl job -am "$goal") 2>&1 \
      | sed -u 's/\x1b\[[0-9;]*m//g' >&2; then
    rm -f "$classpath_file"
    echo "lpr: build failed (see above)" >&2
    exit 1
  fi
  touch "$classpath_file"
}

if submits_built_jar "$@"; then
  jar="$(job_jar)"
  if [ -z "$jar" ] || stale "$jar" || stale "$classpath_file"; then
    build package "the job jar for the cluster"
  fi
elif stale "$classpath_file"; then
  build test-compile "lpr"
fi

cp="$root/job/target/classes:$root/udf/target/classes:$(cat "$classpath_file"):$(cat "$root/job/target/lpr-runtime.classpath" 2>/dev/null || true)"
exec java ${LPR_JAVA_OPTS:--Xmx6g} \
  -Dai.djl.offline=true \
  -Dlog4j2.configurationFile="$root/flink-conf/log4j-cli.properties" \
  -Dlpr.home="$root" \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$cp" io.lpr.cli.LprCli "$@"
