#!/usr/bin/env bash
# Verification throughput, OpenLER (JMH) against digitalbazaar's @digitalbazaar/vc, on the same credential, in one run.
# One after the other (not at once), each single-threaded. Prints both numbers and their ratio.
#   scripts/bench-verify.sh [seconds-per-measurement (default 10)]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
openler_find_jdk
seconds=${1:-10}
out=target/bench
mkdir -p "$out"

./mvnw -B -q -pl openler-benchmarks -am package -DskipTests -Dspotless.check.skip=true
jar=openler-benchmarks/target/benchmarks.jar
"$JAVA_HOME/bin/java" -cp "$jar" org.openler.benchmarks.CredentialBenchmarks "$out/credential.json"

[ -d interop/node_modules ] || (cd interop && npm ci --no-audit --no-fund --loglevel=error)
echo "digitalbazaar: ${seconds}s warm-up, ${seconds}s measured..." >&2
node interop/crosscheck.mjs "$out/credential.json" --bench "$seconds" > "$out/digitalbazaar.json"

echo "OpenLER (JMH): 3 x ${seconds}s warm-up, 5 x ${seconds}s measured..." >&2
"$JAVA_HOME/bin/java" -jar "$jar" 'CredentialBenchmarks' -f 1 -wi 3 -w "${seconds}s" -i 5 -r "${seconds}s" \
  -rf json -rff "$out/jmh.json" > "$out/jmh.txt"

python3 - "$out" <<'PY'
import json, sys, platform, os, datetime
out = sys.argv[1]
db = json.load(open(f"{out}/digitalbazaar.json"))["opsPerSecond"]
jmh = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(f"{out}/jmh.json"))}
verify, sign = jmh["verify"], jmh["sign"]
print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; cpus: {os.cpu_count()}; {platform.platform()}")
print(f"OpenLER verify: {verify['score']:.0f} ± {verify['scoreError']:.0f} ops/s")
print(f"OpenLER sign:   {sign['score']:.0f} ± {sign['scoreError']:.0f} ops/s")
print(f"digitalbazaar verify: {db:.0f} ops/s")
print(f"ratio verify OpenLER / digitalbazaar: {verify['score'] / db:.1f}x")
PY
