#!/usr/bin/env bash
# Latency of a skill-phrase suggestion and of a job-title suggestion (JMH SampleTime: p50/p95/p99 per call), single
# thread. The first run embeds the 13,896 ESCO skill labels into target/skill-vectors (a minute or more).
#   scripts/bench-suggest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
openler_find_jdk
./mvnw -B -q -o -pl openler-benchmarks -am package -DskipTests -Dspotless.check.skip=true
mkdir -p target
"$JAVA_HOME/bin/java" -Dopenler.bench.vectors="${VECTORS:-target/skill-vectors}" -jar openler-benchmarks/target/benchmarks.jar \
  'SuggestLatencyBenchmark' -rf json -rff target/bench-suggest.json | tee target/bench-suggest.txt
