#!/usr/bin/env bash
# Issue and verify per CPU-second over 1,000 distinct credentials (and one repeated), OpenLER (JMH,
# DistinctCredentialBenchmarks) beside digitalbazaar (interop/bench-distinct.mjs) on the same credentials, in one
# window: digitalbazaar before and after the JMH run, so both sides see the same load. Prints the ratios.
#   scripts/bench-distinct.sh [seconds-per-JMH-iteration (5)] [seconds-per-digitalbazaar-measurement (10)]
# WARMUPS (8) and ITERATIONS (5) set JMH's iteration counts. Build the jar first, without installing:
#   ./mvnw -B -o -pl openler-benchmarks -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
openler_find_jdk
seconds=${1:-5}
node_seconds=${2:-10}
out=target/bench-distinct
mkdir -p "$out"
jar=openler-benchmarks/target/benchmarks.jar
"$JAVA_HOME/bin/java" -cp "$jar" org.openler.benchmarks.DistinctCredentialBenchmarks "$out/data"
[ -d interop/node_modules ] || (cd interop && npm ci --no-audit --no-fund --loglevel=error)
: > "$out/node.jsonl"
digitalbazaar() {
  for stream in distinct repeated; do
    node interop/bench-distinct.mjs "$out/data" "$node_seconds" "$stream" >> "$out/node.jsonl"
  done
}
echo "start $(date -u '+%F %H:%M') load $(cut -d' ' -f1-3 /proc/loadavg)" > "$out/meta"
digitalbazaar
"$JAVA_HOME/bin/java" -jar "$jar" DistinctCredentialBenchmarks -f 1 -wi "${WARMUPS:-8}" -w "${seconds}s" \
  -i "${ITERATIONS:-5}" -r "${seconds}s" > "$out/jmh.txt"
digitalbazaar
echo "end $(date -u '+%F %H:%M') load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/meta"

python3 - "$out" "${WARMUPS:-8}" <<'PY'
import collections, json, re, sys
out, warmups = sys.argv[1], int(sys.argv[2])
rates = collections.defaultdict(list)
for line in open(f"{out}/jmh.txt"):
    m = re.match(r"cpu-rate (\w+) (\w+) ([\d.]+)", line)
    if m:
        rates[("issue" if m[1] == "sign" else "verify", m[2])].append(float(m[3]))
node = collections.defaultdict(list)
for line in open(f"{out}/node.jsonl"):
    j = json.loads(line)
    node[(j["operation"], j["stream"])].append(j["opsPerCpuSecond"])
print(open(f"{out}/meta").read().strip())
for key in sorted(rates):
    measured = rates[key][warmups:]
    ours = sum(measured) / len(measured)
    theirs = sum(node[key]) / len(node[key])
    print(f"{key[0]:6} {key[1]:8} OpenLER {ours:7.0f} ops/CPU-s {[round(x) for x in measured]}"
          f"  digitalbazaar {theirs:5.0f} ops/CPU-s {[round(x) for x in node[key]]}  ratio {ours / theirs:5.1f}x")
PY
