#!/usr/bin/env bash
# Makes the Docker build context of the lpr image in job/target/docker-context (or $1): the jars that
# must be in Flink's lib/ (DJL with PyTorch and ONNX Runtime, JavaCPP, FFmpeg, OpenCV, and what they need),
# the Prometheus reporter plugin, flink-conf/cluster/config.yaml, the job jar, the web server's jars for
# `lpr serve` (serve/: Javalin and Jetty, which the job jar leaves out), the entry point and the Dockerfile.
# Needs `mvn -B -DskipTests package` first (the job jar and job/target/lpr.classpath).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/job/target/docker-context}"
classpath="$root/job/target/lpr.classpath"
jar=$(ls "$root"/job/target/lpr-job-*-flink.jar 2>/dev/null | head -n 1 || true)
[ -s "$classpath" ] && [ -n "$jar" ] || { echo "prepare.sh: run 'mvn -B -DskipTests package' first" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/lib" "$out/plugins/metrics-prometheus" "$out/conf" "$out/serve"
# Native-bearing libraries and their own dependencies; Flink's image has Flink, logging and slf4j. The build
# copies them to job/target/cluster-lib (the job pom's list, which it also leaves out of the job jar); from a
# build without that list, the same groups are picked from the classpath.
if compgen -G "$root/job/target/cluster-lib/*.jar" >/dev/null; then
  cp "$root"/job/target/cluster-lib/*.jar "$out/lib/"
else
  tr ':' '\n' < "$classpath" \
    | grep -E '/(ai/djl|org/bytedeco|com/microsoft/onnxruntime|com/google/code/gson|net/java/dev/jna|org/apache/commons/commons-compress|org/apache/commons/commons-lang3|commons-io/commons-io|commons-codec/commons-codec)/' \
    | while read -r lib; do cp "$lib" "$out/lib/"; done
fi
tr ':' '\n' < "$classpath" | grep '/flink-metrics-prometheus-' | while read -r p; do cp "$p" "$out/plugins/metrics-prometheus/"; done
# lpr serve's web server: what the job jar's shade configuration excludes (job/pom.xml, artifactSet).
tr ':' '\n' < "$classpath" \
  | grep -E '/(io/javalin|org/eclipse/jetty|jakarta|org/ow2/asm|org/jetbrains)/' \
  | while read -r lib; do cp "$lib" "$out/serve/"; done
cp "$root/flink-conf/cluster/config.yaml" "$out/conf/config.yaml"
cp "$root/flink-conf/log4j-cli.properties" "$out/conf/log4j-cli.properties"
cp "$root/deploy/docker/lpr-entrypoint.sh" "$out/lpr-entrypoint.sh"
cp "$jar" "$out/lpr-job.jar"
cp "$root/deploy/docker/Dockerfile" "$out/Dockerfile"
echo "$out"
