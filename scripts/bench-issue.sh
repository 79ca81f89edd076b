#!/usr/bin/env bash
# Issue + persist throughput over HTTP: starts the server jar on its own PostgreSQL database (demo data on — without
# the skills frameworks' background import and embedding, which would compete for the CPU — for the
# demo-university provider, its achievements and the machine client demo-issuer), then runs the JMH benchmark
# IssueOverHttpBenchmarks (several client threads POSTing /orgs/demo-university/credentials/issue), stops the server
# and prints credentials/s.
#
#   scripts/bench-issue.sh [--build] [seconds-per-iteration (default 5)]
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, no password), curl, jq, psql and python3. Settings (environment):
# PORT (18092), DB (openler_bench_<pid of this script>: a database of this run only, made afresh and dropped at the
# end; give DB to keep one), THREADS (client threads, 16), WARMUPS (24), CLIENT_WARMUPS (the measured run's own, 6), ITERATIONS (5),
# HEAP (server -Xmx, 1g), BULK_ROWS (rows of the bulk run after the JMH run, 5000; 0 skips it), SERVER_JAVA_OPTS (more server JVM options),
# WRK (yes/no, default yes when wrk is installed: a second client written in C times the same endpoint after JMH).
#
# Why two minutes of warm-up: the JIT compiles the request path (Tomcat, Spring MVC and Security, Jackson, JDBC, the
# canonicalizer) over the first tens of thousands of requests, and its compiler threads' CPU counts as the server's.
# Measured 2026-11-23: the warm-up's 5-second iterations climbed from 103/s to ~500/s by the 16th-20th and stayed
# there; with 15 s of warm-up the server still spent 3.9 ms of CPU per credential, after three minutes 2.0 ms. The
# measured iterations should see the server as it runs for hours, not its first seconds. --build, or a missing jar, builds openler-server/target/openler-server.jar.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. bin/find-jdk.sh
openler_find_jdk || exit 2
JAR=${JAR:-$ROOT/openler-server/target/openler-server.jar}
PORT=${PORT:-18092}
DB=${DB:-openler_bench_$$}
KEEP_DB=$([ "$DB" = "openler_bench_$$" ] && echo no || echo yes)
THREADS=${THREADS:-16}
WARMUPS=${WARMUPS:-24}
CLIENT_WARMUPS=${CLIENT_WARMUPS:-6}
ITERATIONS=${ITERATIONS:-5}
HEAP=${HEAP:-1g}
BULK_ROWS=${BULK_ROWS:-5000}
WRK=${WRK:-$(command -v wrk >/dev/null 2>&1 && echo yes || echo no)}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
# A fixed test master key (bytes 0..31). Never use it for anything but tests.
MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
BASE=http://127.0.0.1:$PORT
ORG=demo-university
CLIENT_ID=demo-issuer
CLIENT_SECRET=demo-issuer-secret
OUT=$ROOT/target/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/openler-bench.XXXXXX")
LOG=$WORK/server.log
PID=""

build=no
if [ "${1:-}" = "--build" ]; then
  build=yes
  shift
fi
seconds=${1:-5}

say() { printf '[bench-issue %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; stop_server; exit 2; }
sql() { psql -d "$DB" -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }

stop_server() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  PID=""
}
cleanup() {
  stop_server
  # Our own database only: the name carries this script's pid unless DB was given.
  if [ "$KEEP_DB" = no ]; then dropdb --if-exists "$DB" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ "$build" = yes ] || [ ! -f "$JAR" ]; then
  say "building $JAR"
  ./mvnw -B -q -pl openler-server -am package -DskipTests -Dspotless.check.skip=true
fi
say "building the benchmarks jar"
./mvnw -B -q -pl openler-benchmarks -am package -DskipTests -Dspotless.check.skip=true
mkdir -p "$OUT"

# A private copy: another build in the same tree may rewrite the jar while the server runs from it.
cp "$JAR" "$WORK/openler-server.jar"
say "database $DB (made afresh), work directory $WORK"
dropdb --if-exists "$DB"
createdb "$DB"

# SERVER_JAVA_OPTS: extra JVM options for the server, e.g. -XX:StartFlightRecording=filename=/tmp/issue.jfr
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$WORK/openler-server.jar" \
  --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" \
  --spring.datasource.username="$PGUSER" \
  --openler.security.master-key="$MASTER_KEY" \
  --openler.public-url="http://localhost:$PORT" \
  --openler.data-dir="$WORK/data" \
  --openler.demo.enabled=true \
  --openler.skills.load-bundled=false \
  --openler.skills.suggest.background=false \
  >>"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 240); do
  curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$PID" 2>/dev/null || die "the server exited by itself (see $LOG)"
  sleep 0.25
done
curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' || die "the server did not become healthy in 60 s (see $LOG)"
say "server up (pid $PID)"

TOKEN=$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$BASE/oauth2/token" | jq -r .access_token)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || die "no access token for $CLIENT_ID"
ACHIEVEMENT=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H "Accept: application/json" "$BASE/orgs/$ORG/achievements" \
  | jq -r '.[0].id')
[ -n "$ACHIEVEMENT" ] && [ "$ACHIEVEMENT" != null ] || die "no achievement in $ORG"
# CPU time (clock ticks) of the server and of the PostgreSQL backends serving this run's database (not every
# PostgreSQL process on the machine: other databases' work is not ours): on a shared, noisy machine the CPU each
# credential costs is steadier than the wall-clock rate, and says what 2 dedicated cores would sustain. The server's
# connection pool keeps its backends for the whole run; a backend that ends between two readings loses its ticks.
cpu_ticks() {
  local total=0 p v
  for p in "$@"; do
    v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || continue # a process may end meanwhile
    [ -n "$v" ] && total=$((total + v))
  done
  echo "$total"
}
postgres_pids() { sql "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()" | tr '\n' ' '; }
jmh() { # warm-up iterations, iterations, result file stem
  "$JAVA_HOME/bin/java" -Djmh.ignoreLock=true -jar openler-benchmarks/target/benchmarks.jar 'IssueOverHttpBenchmarks' \
    -f 1 -t "$THREADS" -wi "$1" -w "${seconds}s" -i "$2" -r "${seconds}s" \
    -p url="$BASE" -p org="$ORG" -p clientId="$CLIENT_ID" -p clientSecret="$CLIENT_SECRET" \
    -p achievementId="$ACHIEVEMENT" \
    -rf json -rff "$OUT/$3.json" > "$OUT/$3.txt" || die "JMH failed (see $OUT/$3.txt and $LOG)"
}

# Warm-up as a run of its own, so that the CPU measured below is the server's steady state (no JIT compiling).
say "JMH: $THREADS client threads, $WARMUPS x ${seconds}s warm-up, then $ITERATIONS x ${seconds}s measured"
jmh 0 "$WARMUPS" issue-warmup
BEFORE=$(sql "select count(*) from issued_credential")
SERVER_CPU_BEFORE=$(cpu_ticks "$PID")
PG_CPU_BEFORE=$(cpu_ticks $(postgres_pids))
# The measured run is a new client JVM: its own first iterations (a cold JIT in the client, on the same two cores)
# are warm-up too, else they pull the measured rate down by a third.
jmh "$CLIENT_WARMUPS" "$ITERATIONS" issue
AFTER=$(sql "select count(*) from issued_credential")
SERVER_CPU=$(( $(cpu_ticks "$PID") - SERVER_CPU_BEFORE ))
PG_CPU=$(( $(cpu_ticks $(postgres_pids)) - PG_CPU_BEFORE ))
TICKS=$(getconf CLK_TCK)

# A second client: wrk (C, event loop) sends the same request from 16 connections. It costs the shared cores far less
# than the JVM client, so the two rates bracket what the server does; the CPU per credential should agree.
WRK_STORED=0
if [ "$WRK" = yes ]; then
  LUA=$WORK/issue.lua
  cat > "$LUA" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"achievementId":"$ACHIEVEMENT","recipient":{"email":"wrk@example.org"}}'
LUA
  WRK_SECONDS=$((ITERATIONS * seconds))
  say "wrk: 16 connections for ${WRK_SECONDS}s"
  WRK_BEFORE=$(sql "select count(*) from issued_credential")
  WRK_SERVER_BEFORE=$(cpu_ticks "$PID")
  WRK_PG_BEFORE=$(cpu_ticks $(postgres_pids))
  wrk -t2 -c16 -d"${WRK_SECONDS}s" -s "$LUA" "$BASE/orgs/$ORG/credentials/issue" > "$OUT/issue-wrk.txt" 2>&1 \
    || die "wrk failed (see $OUT/issue-wrk.txt)"
  grep -q "Non-2xx" "$OUT/issue-wrk.txt" && die "wrk saw answers other than 201 (see $OUT/issue-wrk.txt and $LOG)"
  WRK_STORED=$(( $(sql "select count(*) from issued_credential") - WRK_BEFORE ))
  WRK_SERVER=$(( $(cpu_ticks "$PID") - WRK_SERVER_BEFORE ))
  WRK_PG=$(( $(cpu_ticks $(postgres_pids)) - WRK_PG_BEFORE ))
fi

# The bulk path over HTTP: BULK_ROWS rows in one CSV (POST /credentials/bulk), timed from the upload until the job
# reports completed; every row is one credential signed, stored and given its status entries in its own transaction.
BULK_STORED=0
if [ "$BULK_ROWS" -gt 0 ]; then
  CSV=$WORK/bulk.csv
  { echo "achievement_id,recipient_email"; for i in $(seq 1 "$BULK_ROWS"); do echo "$ACHIEVEMENT,bulk$i@example.org"; done; } > "$CSV"
  say "bulk: $BULK_ROWS rows in one CSV"
  BULK_BEFORE=$(sql "select count(*) from issued_credential")
  BULK_SERVER_BEFORE=$(cpu_ticks "$PID")
  BULK_PG_BEFORE=$(cpu_ticks $(postgres_pids))
  BULK_START=$(date +%s%N)
  JOB=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" -H "Accept: application/json" \
    --data-binary @"$CSV" "$BASE/orgs/$ORG/credentials/bulk" | jq -r .id)
  [ -n "$JOB" ] && [ "$JOB" != null ] || die "the bulk upload was refused"
  for _ in $(seq 1 6000); do
    STATUS=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H "Accept: application/json" \
      "$BASE/orgs/$ORG/credentials/bulk/$JOB" | jq -r .status)
    [ "$STATUS" = completed ] && break
    sleep 0.1
  done
  [ "$STATUS" = completed ] || die "the bulk job did not complete"
  BULK_SECONDS=$(python3 -c "import sys; print((int(sys.argv[1]) - int(sys.argv[2])) / 1e9)" "$(date +%s%N)" "$BULK_START")
  BULK_STORED=$(( $(sql "select count(*) from issued_credential") - BULK_BEFORE ))
  BULK_SERVER=$(( $(cpu_ticks "$PID") - BULK_SERVER_BEFORE ))
  BULK_PG=$(( $(cpu_ticks $(postgres_pids)) - BULK_PG_BEFORE ))
fi
stop_server

python3 - "$OUT/issue.json" "$((AFTER - BEFORE))" "$THREADS" "$SERVER_CPU" "$PG_CPU" "$TICKS" <<'PY'
import json, sys, platform, os, datetime
result = json.load(open(sys.argv[1]))[0]["primaryMetric"]
stored, server_ticks, pg_ticks, hz = int(sys.argv[2]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; cpus: {os.cpu_count()}; {platform.platform()}; load: {os.getloadavg()[0]:.1f}")
error = result['scoreError'] if isinstance(result['scoreError'], (int, float)) else float('nan')
print(f"issue + persist over HTTP ({sys.argv[3]} client threads): {result['score']:.0f} ± {error:.0f} credentials/s")
print(f"credentials stored during the measured run: {stored}")
if stored:
    server_ms = server_ticks * 1000 / hz / stored
    pg_ms = pg_ticks * 1000 / hz / stored
    print(f"CPU per credential (after the warm-up): server {server_ms:.2f} ms, PostgreSQL {pg_ms:.2f} ms;"
          f" 2 cores for both sustain about {2000 / (server_ms + pg_ms):.0f} credentials/s")
PY
if [ "$WRK_STORED" -gt 0 ]; then
  python3 - "$WRK_STORED" "$WRK_SECONDS" "$WRK_SERVER" "$WRK_PG" "$TICKS" <<'PY'
import sys
stored, seconds, server, pg, hz = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
server_ms, pg_ms = server * 1000 / hz / stored, pg * 1000 / hz / stored
print(f"issue + persist over HTTP (wrk, 16 connections): {stored} credentials in {seconds:.0f} s = {stored / seconds:.0f} credentials/s;"
      f" CPU per credential: server {server_ms:.2f} ms, PostgreSQL {pg_ms:.2f} ms")
PY
fi
if [ "$BULK_STORED" -gt 0 ]; then
  python3 - "$BULK_STORED" "$BULK_SECONDS" "$BULK_SERVER" "$BULK_PG" "$TICKS" <<'PY'
import sys
stored, seconds, server, pg, hz = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
server_ms, pg_ms = server * 1000 / hz / stored, pg * 1000 / hz / stored
print(f"bulk over HTTP: {stored} credentials in {seconds:.1f} s = {stored / seconds:.0f} credentials/s;"
      f" CPU per credential: server {server_ms:.2f} ms, PostgreSQL {pg_ms:.2f} ms;"
      f" 2 cores for both sustain about {2000 / (server_ms + pg_ms):.0f} credentials/s")
PY
fi
say "server log: $LOG; JMH output: $OUT/issue.txt"
