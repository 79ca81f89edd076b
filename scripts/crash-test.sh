#!/usr/bin/env bash
# Crash safety of bulk issuance: kill -9 the server again and again while it works through bulk jobs (and answers
# single issue requests), restart it each time, and check in PostgreSQL that no acknowledged credential was lost,
# none was issued twice and no status index was used twice.
#
#   scripts/crash-test.sh [--build]
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, no password), curl, jq and psql. Uses its own database
# (openler_crash_<pid of this script>, made afresh, dropped when every check passed, kept for a look otherwise) and port, and openler-server/target/openler-server.jar (--build, or a
# missing jar, builds it). Settings (environment): KILLS (20), ROWS per job (5000), PORT (18091), DB (give one to use and keep that name),
# THROUGHPUT_ROWS (2000: a last job timed without kills; 0 skips it). Exit status 0 only when every check passes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
openler_find_jdk || exit 2
JAR=${JAR:-$ROOT/openler-server/target/openler-server.jar}
KILLS=${KILLS:-20}
ROWS=${ROWS:-5000}
PORT=${PORT:-18091}
DB=${DB:-openler_crash_$$}
KEEP_DB=$([ "$DB" = "openler_crash_$$" ] && echo no || echo yes)
THROUGHPUT_ROWS=${THROUGHPUT_ROWS:-2000}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
# A fixed test master key (bytes 0..31). Never use it for anything but tests.
MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d "${TMPDIR:-/tmp}/openler-crash.XXXXXX")
LOG=$WORK/server.log
PID=""

say() { printf '[crash-test %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
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
  local rc=$?
  stop_server
  if [ "$rc" = 0 ] && [ "$KEEP_DB" = no ]; then
    dropdb --if-exists "$DB" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ "${1:-}" = "--build" ] || [ ! -f "$JAR" ]; then
  say "building $JAR"
  "$ROOT/mvnw" -B -q -DskipTests -Dspotless.check.skip=true -pl openler-server -am package
fi

say "database $DB (made afresh), work directory $WORK"
dropdb --if-exists "$DB"
createdb "$DB"

start_server() {
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" \
    --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" \
    --spring.datasource.username="$PGUSER" \
    --openler.security.master-key="$MASTER_KEY" \
    --openler.data-dir="$WORK/data" \
    --openler.bulk.claim-timeout=5s \
    >>"$LOG" 2>&1 &
  PID=$!
}

wait_healthy() {
  for _ in $(seq 1 240); do
    if curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || die "the server exited by itself (see $LOG)"
    sleep 0.25
  done
  die "the server did not become healthy in 60 s (see $LOG)"
}

crash() {
  kill -9 "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}

# --- a provider, its machine client and an achievement, made through the real pages and API -------------------
start_server
wait_healthy
JAR_COOKIES=$WORK/cookies
csrf() { curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
SLUG=crash-$(date +%s)
EMAIL=admin@$SLUG.example.org
PASSWORD='crash test passphrase'
curl -fsS -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/signup" \
  --data-urlencode "_csrf=$(csrf /signup)" --data-urlencode "displayName=Crash Admin" \
  --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" --data-urlencode "role=PROVIDER" \
  --data-urlencode "organizationName=Crash Test Institute" --data-urlencode "organizationSlug=$SLUG"
curl -fsS -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/login" \
  --data-urlencode "_csrf=$(csrf /login)" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD"
curl -fsS -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/orgs/$SLUG/clients" \
  --data-urlencode "_csrf=$(csrf "/orgs/$SLUG/clients")" --data-urlencode "name=crash test"
CLIENTS_PAGE=$(curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/orgs/$SLUG/clients")
CLIENT_ID=$(sed -n 's/.*id="new-client-id">\([^<]*\)<.*/\1/p' <<<"$CLIENTS_PAGE")
CLIENT_SECRET=$(sed -n 's/.*id="new-client-secret">\([^<]*\)<.*/\1/p' <<<"$CLIENTS_PAGE")
[ -n "$CLIENT_ID" ] && [ -n "$CLIENT_SECRET" ] || die "could not make a machine client"
ORG_ID=$(sql "select id from organization where slug = '$SLUG'")

TOKEN=""
token() {
  TOKEN=$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$BASE/oauth2/token" | jq -r .access_token)
}
api() { curl -sS -H "Authorization: Bearer $TOKEN" -H "Accept: application/json" "$@"; }
token
ACHIEVEMENT=$(api -H 'Content-Type: application/json' "$BASE/orgs/$SLUG/achievements" -d \
  '{"name":"Crash Safety","description":"Survived kill -9.","criteria":"Issued exactly once.","achievementType":"Certificate"}' | jq -r .id)
[ -n "$ACHIEVEMENT" ] && [ "$ACHIEVEMENT" != null ] || die "could not make an achievement"

# --- bulk jobs --------------------------------------------------------------------------------------------------
JOBS=()
submit_job() { # $1 = job number, $2 = rows; half the rows carry their own idempotency key, half get a derived one
  local csv=$WORK/job$1.csv
  {
    echo "achievement_id,recipient_email,recipient_did,valid_until,idempotency_key"
    for i in $(seq 1 "$2"); do
      if [ $((i % 2)) -eq 0 ]; then key="job$1-row$i"; else key=""; fi
      echo "$ACHIEVEMENT,learner$1.$i@example.org,,,$key"
    done
  } >"$csv"
  local answer
  answer=$(api -H "Content-Type: text/csv" -H "Idempotency-Key: $SLUG-job$1" --data-binary "@$csv" \
    "$BASE/orgs/$SLUG/credentials/bulk")
  local id
  id=$(jq -r .id <<<"$answer")
  [ -n "$id" ] && [ "$id" != null ] || die "bulk upload refused: $answer"
  JOBS+=("$id")
  say "job $1: $id with $2 rows"
}

ACKED=$WORK/acknowledged.csv   # job,row,credential: every issued row the API has reported
SINGLES=$WORK/singles.csv      # key,credential: every single issue request the API answered 201/200
: >"$ACKED"
: >"$SINGLES"

record_progress() { # remembers every credential the API has reported; answers "pending" of the newest job
  local job answer
  for job in "${JOBS[@]}"; do
    answer=$(api "$BASE/orgs/$SLUG/credentials/bulk/$job?rows=true" 2>/dev/null) || continue
    jq -e .issued >/dev/null 2>&1 <<<"$answer" || continue
    jq -r --arg job "$job" '.issued[] | [$job, .row, .credentialId] | @csv' <<<"$answer" | tr -d '"' >>"$ACKED"
  done
  sort -u -o "$ACKED" "$ACKED"
}

pending_of() { { api "$BASE/orgs/$SLUG/credentials/bulk/$1" 2>/dev/null | jq -r '.pending // "unknown"'; } || echo unknown; }

single_issues() { # single issue requests with idempotency keys while the server may die under them; $1 = round
  local until=$2 n=0
  while [ "$(date +%s%N)" -lt "$until" ]; do
    n=$((n + 1))
    local key="$SLUG-single-$1-$n"
    local answer
    answer=$(api -H 'Content-Type: application/json' -H "Idempotency-Key: $key" --max-time 5 \
      -d "{\"achievementId\":\"$ACHIEVEMENT\",\"recipient\":{\"email\":\"single$1.$n@example.org\"}}" \
      "$BASE/orgs/$SLUG/credentials/issue" 2>/dev/null) || return 0
    local id
    id=$(jq -r '.verifiableCredential.id // empty' <<<"$answer" 2>/dev/null | sed 's/^urn:uuid://')
    [ -n "$id" ] && echo "$key,$id" >>"$SINGLES"
    sleep 0.1
  done
}

submit_job 1 "$ROWS"
STARTED=$(date +%s)
kills=0
during_startup=0
job_number=1
while :; do
  newest=${JOBS[${#JOBS[@]}-1]}
  pending=$(pending_of "$newest")
  if [ "$kills" -ge "$KILLS" ] && [ "$pending" = 0 ]; then
    break
  fi
  if [ "$pending" = 0 ]; then
    job_number=$((job_number + 1))
    submit_job "$job_number" "$ROWS"
  fi
  # a random moment: mostly while the worker is busy, sometimes while the server is still starting
  if [ "$kills" -ge "$KILLS" ]; then
    sleep 1
    record_progress
    continue
  fi
  ms=$((200 + RANDOM % 2800))
  single_issues "$kills" $(($(date +%s%N) + ms * 1000000)) &
  singles_pid=$!
  sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  record_progress
  crash
  wait "$singles_pid" 2>/dev/null || true
  kills=$((kills + 1))
  say "kill -9 #$kills after ${ms} ms of work; job $newest pending before the kill: $pending"
  start_server
  if [ $((RANDOM % 5)) -eq 0 ] && [ "$kills" -lt "$KILLS" ]; then
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 1 + (r % 400) / 100 }')"
    crash
    kills=$((kills + 1))
    during_startup=$((during_startup + 1))
    say "kill -9 #$kills while the server was starting"
    start_server
  fi
  wait_healthy
  token
done
record_progress
ELAPSED=$(($(date +%s) - STARTED))
say "all jobs completed after $kills kills ($during_startup during start-up) in ${ELAPSED} s"

# --- throughput without kills -----------------------------------------------------------------------------------
RATE="skipped"
if [ "$THROUGHPUT_ROWS" -gt 0 ]; then
  token
  job_number=$((job_number + 1))
  t0=$(date +%s%N)
  submit_job "$job_number" "$THROUGHPUT_ROWS"
  while [ "$(pending_of "${JOBS[${#JOBS[@]}-1]}")" != 0 ]; do sleep 0.2; done
  t1=$(date +%s%N)
  RATE=$(awk -v n="$THROUGHPUT_ROWS" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f credentials/s (%d rows in %.1f s)", n / (ns / 1e9), n, ns / 1e9 }')
  record_progress
fi

# --- the checks -------------------------------------------------------------------------------------------------
violations=0
check() { # $1 = what, $2 = SQL answering the number of violations
  local n
  n=$(sql "$2")
  if [ "$n" = 0 ]; then
    say "ok   $1"
  else
    say "FAIL $1: $n"
    violations=$((violations + n))
  fi
}
JOB_LIST=$(printf "'%s'," "${JOBS[@]}")
JOB_LIST=${JOB_LIST%,}
sql "create table if not exists crash_acknowledged (job uuid, row_number int, credential uuid);
     truncate crash_acknowledged;
     create table if not exists crash_single (idempotency_key varchar(200), credential uuid);
     truncate crash_single;"
psql -d "$DB" -X -q -v ON_ERROR_STOP=1 -c "\\copy crash_acknowledged from '$ACKED' with (format csv)"
[ -s "$SINGLES" ] && psql -d "$DB" -X -q -v ON_ERROR_STOP=1 -c "\\copy crash_single from '$SINGLES' with (format csv)"

check "no row left pending" \
  "select count(*) from bulk_row where job_id in ($JOB_LIST) and state <> 'DONE'"
check "every row marked done names a credential that exists" \
  "select count(*) from bulk_row r left join issued_credential c on c.id = r.credential_id
   where r.job_id in ($JOB_LIST) and r.state = 'DONE' and c.id is null"
check "every row's idempotency key is held by exactly its credential" \
  "select count(*) from bulk_row r left join issued_credential c
     on c.organization_id = '$ORG_ID' and c.idempotency_key = r.idempotency_key
   where r.job_id in ($JOB_LIST) and (c.id is null or c.id <> r.credential_id)"
check "every credential the bulk API reported still exists, once, for the same row" \
  "select count(*) from crash_acknowledged a left join bulk_row r on r.job_id = a.job and r.row_number = a.row_number
   left join issued_credential c on c.id = a.credential where c.id is null or r.credential_id is distinct from a.credential"
check "every credential the issue API returned exists once under its key" \
  "select count(*) from crash_single s left join issued_credential c
     on c.organization_id = '$ORG_ID' and c.idempotency_key = s.idempotency_key
   where c.id is null or c.id <> s.credential"
check "no credential beyond one per row and one per acknowledged-or-not single key" \
  "select greatest(0, (select count(*) from issued_credential where organization_id = '$ORG_ID')
     - (select count(*) from bulk_row where job_id in ($JOB_LIST))
     - (select count(*) from issued_credential where organization_id = '$ORG_ID' and idempotency_key like '$SLUG-single-%'))"
check "no idempotency key twice" \
  "select count(*) from (select organization_id, idempotency_key from issued_credential
   where idempotency_key is not null group by 1, 2 having count(*) > 1) d"
check "count(*) = count(distinct (status_list_id, status_index))" \
  "select count(*) - count(distinct (status_list_id, status_index)) from issued_credential"
check "no suspension index held twice" \
  "select count(suspension_index) - count(distinct (suspension_list_id, suspension_index)) from issued_credential"
check "every held status index belongs to a credential that exists (none leaked, none shared)" \
  "select (select count(*) from status_allocation a left join issued_credential c on c.id = a.credential_id where c.id is null)
        + (select count(*) from issued_credential c left join status_allocation a
             on a.status_list_id = c.status_list_id and a.status_index = c.status_index and a.credential_id = c.id
           where a.credential_id is null)
        + (select count(*) from issued_credential c left join status_allocation a
             on a.status_list_id = c.suspension_list_id and a.status_index = c.suspension_index and a.credential_id = c.id
           where c.suspension_list_id is not null and a.credential_id is null)"

ROWS_TOTAL=$(sql "select count(*) from bulk_row where job_id in ($JOB_LIST)")
CREDENTIALS=$(sql "select count(*) from issued_credential where organization_id = '$ORG_ID'")
ACK_N=$(wc -l <"$ACKED")
SINGLE_ACK=$(wc -l <"$SINGLES")
ATTEMPTS=$(sql "select coalesce(sum(attempts), 0) - count(*) from bulk_row where job_id in ($JOB_LIST)")
echo
echo "Crash safety summary"
echo "  kills (kill -9):             $kills ($during_startup while starting)"
echo "  bulk jobs / rows:            ${#JOBS[@]} / $ROWS_TOTAL"
echo "  credentials in the database: $CREDENTIALS"
echo "  acknowledged by the API:     $ACK_N bulk rows, $SINGLE_ACK single issues"
echo "  rows claimed again:          $ATTEMPTS (claims lost to a kill and retried)"
echo "  time under kills:            ${ELAPSED} s"
echo "  throughput without kills:    $RATE"
echo "  violations:                  $violations"
echo "  server log:                  $LOG"
stop_server
if [ "$violations" -ne 0 ]; then
  exit 1
fi
