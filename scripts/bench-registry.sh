#!/usr/bin/env bash
# Registry search at scale: generates COUNT (default 1,000,000) credentials of value from real vocabularies (ESCO
# skills, O*NET occupations in openler-data), indexes them with the registry's own Lucene index (CredentialIndex) in a
# directory, prints build time and index size, then p50/p95/p99/max latency for three mixes of typical queries:
# text, text + facets, facets only. The harness is org.openler.benchmarks.RegistrySearchBenchmark.
#
#   scripts/bench-registry.sh [count (1000000)] [queries per mix (2000)] [reuse]
#
# "reuse" keeps an index of the same size left by an earlier run (the build takes minutes at a million).
#
# Settings (environment): HEAP (-Xmx, 2g), INDEX_DIR (target/bench/registry-index; deleted and made again).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. bin/find-jdk.sh
openler_find_jdk || exit 2
COUNT=${1:-1000000}
QUERIES=${2:-2000}
REUSE=${3:-}
HEAP=${HEAP:-2g}
INDEX_DIR=${INDEX_DIR:-$ROOT/target/bench/registry-index}
OUT=$ROOT/target/bench
mkdir -p "$OUT"

say() { printf '[bench-registry %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

say "building the benchmarks jar"
./mvnw -B -q -pl openler-benchmarks -am package -DskipTests -Dspotless.check.skip=true
# A private copy: another build in the same tree may rewrite the jar while the benchmark runs from it.
cp openler-benchmarks/target/benchmarks.jar "$OUT/benchmarks-registry.jar"
say "$COUNT credentials, $QUERIES queries per mix, heap $HEAP, index in $INDEX_DIR"
"$JAVA_HOME/bin/java" -Xmx"$HEAP" -cp "$OUT/benchmarks-registry.jar" \
  org.openler.benchmarks.RegistrySearchBenchmark "$COUNT" openler-data/src/main/resources/org/openler/data \
  "$INDEX_DIR" "$QUERIES" $REUSE | tee "$OUT/registry.txt"
python3 - <<'PY'
import os, platform, datetime
print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; cpus: {os.cpu_count()}; {platform.platform()}; load: {os.getloadavg()[0]:.1f}")
PY
