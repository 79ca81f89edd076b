#!/usr/bin/env bash
# Load and soak (issue 19, docs/resilience.md): starts the demo on PostgreSQL, runs the Gatling mix for a bounded
# time, samples the server's heap and RSS every 10 s, and stops the demo. Results: openler-benchmarks/target/gatling
# (HTML report, percentiles per request type) and openler-benchmarks/target/soak/memory.csv.
#   SOAK_DURATION=PT10M  SOAK_SCALE=1  SOAK_PORT=8089  SOAK_BUILD=0 (use the jar already built)
#   SOAK_DB_URL=jdbc:postgresql://127.0.0.1:5432/openler_soak  SOAK_DB_USER=postgres  (dropped and made again: its data is the run's)
#   SOAK_POOL=30  the demo's connection pool (spring.datasource.hikari.maximum-pool-size; Hikari's default of 10 was
#                 full all through the second run, and requests waiting past the pool's 5 s answered 503). The
#                 simulation's 22 closed users have at most 22 requests in flight, plus the server's own background
#                 work (outbox, talent consumer, bulk jobs): 30 keeps a connection free for each. PostgreSQL's
#                 max_connections must leave room for it.
#   SOAK_TIMEOUT_MS=120000  Gatling's request timeout (a request unanswered by then is a failed request)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${SOAK_DURATION:-PT10M}
SCALE=${SOAK_SCALE:-1}
PORT=${SOAK_PORT:-8089}
DB_URL=${SOAK_DB_URL:-jdbc:postgresql://127.0.0.1:5432/openler_soak}
DB_USER=${SOAK_DB_USER:-postgres}
DB_NAME=${DB_URL##*/}
DATA=$(mktemp -d)
MVN_FLAGS=${SOAK_MVN_FLAGS:-}
POOL=${SOAK_POOL:-30}
TIMEOUT_MS=${SOAK_TIMEOUT_MS:-120000}

# A fresh database every run: the demo's master key lives in the (temporary) data directory, and keys sealed under
# an earlier run's master key cannot be opened (every issue then failed with a 500).
psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qc "drop database if exists $DB_NAME"
psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qc "create database $DB_NAME"
[ "${SOAK_BUILD:-1}" = 0 ] || ./mvnw -B -q $MVN_FLAGS -pl openler-server -am package -DskipTests -Dspotless.check.skip=true
cp openler-server/target/openler-server.jar "$DATA/openler-server.jar" # the profile's build below rewrites target/
# the JDK the build used (JAVA_HOME), not whichever java is first on the PATH (an older one cannot load the classes)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -Xmx1g -jar "$DATA/openler-server.jar" --spring.profiles.active=demo --server.port="$PORT" \
  --openler.data-dir="$DATA" --openler.public-url="http://localhost:$PORT" \
  --spring.datasource.url="$DB_URL" --spring.datasource.username="$DB_USER" \
  --spring.datasource.hikari.maximum-pool-size="$POOL" > "$DATA/server.log" 2>&1 &
SERVER=$!
stop() {
  [ -z "${SAMPLER:-}" ] || kill "$SAMPLER" 2>/dev/null || true
  # keep the server's log with the results (it names the cause of any 500), before the data directory goes
  mkdir -p openler-benchmarks/target/soak && cp "$DATA/server.log" openler-benchmarks/target/soak/server.log 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
  kill -9 "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap stop EXIT
for _ in $(seq 1 300); do
  curl -fs "http://localhost:$PORT/actuator/health/readiness" > /dev/null && grep -q "Demo data ready" "$DATA/server.log" && break
  kill -0 $SERVER 2>/dev/null || { tail -50 "$DATA/server.log"; exit 1; }
  sleep 2
done
# the database's connections (all, and those of OpenLER's pool) and the machine's load, every 10 s
mkdir -p openler-benchmarks/target/soak
(echo "time,connections,active,load1" > openler-benchmarks/target/soak/db-connections.csv
 while true; do
   c=$(psql -h 127.0.0.1 -U "$DB_USER" -d postgres -Atc "select count(*), count(*) filter (where state = 'active') from pg_stat_activity where datname = '$DB_NAME'" | tr '|' ',')
   echo "$(date -u +%FT%TZ),$c,$(cut -d' ' -f1 /proc/loadavg)" >> openler-benchmarks/target/soak/db-connections.csv
   sleep 10
 done) &
SAMPLER=$!
./mvnw -B $MVN_FLAGS -Psoak -pl openler-benchmarks -am verify -Dspotless.check.skip=true -Dcyclonedx.skip=true \
  -Dsoak.base-url="http://localhost:$PORT" -Dsoak.duration="$DURATION" -Dsoak.scale="$SCALE" -Dsoak.pid="$SERVER" \
  -Dsoak.request-timeout="$TIMEOUT_MS"
grep -c " ERROR " "$DATA/server.log" | sed 's/^/server ERROR lines: /' || true
