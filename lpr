#!/usr/bin/env bash
# Local launcher: builds the project when needed, then runs the CLI (io.lpr.cli.LprCli) on the job's
# full classpath, Flink included, so `./lpr demo` and `./lpr run` work with no cluster.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath_file="$root/job/target/lpr.classpath"

needs_build() {
  [ ! -s "$classpath_file" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/udf/pom.xml" "$root/job/pom.xml" "$root/udf/src/main" "$root/job/src/main" \
      -newer "$classpath_file" -print -quit)" ]
}

if needs_build; then
  echo "lpr: building (first run, or sources changed)..." >&2
  if ! (cd "$root" && mvn -q -B -DskipTests -pl job -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile) >&2; then
    rm -f "$classpath_file"
    echo "lpr: build failed (see above)" >&2
    exit 1
  fi
fi

cp="$root/job/target/classes:$root/udf/target/classes:$(cat "$classpath_file")"
exec java ${LPR_JAVA_OPTS:--Xmx6g} \
  -Dai.djl.offline=true \
  -Dlog4j2.configurationFile="$root/flink-conf/log4j-cli.properties" \
  -Dlpr.home="$root" \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$cp" io.lpr.cli.LprCli "$@"
