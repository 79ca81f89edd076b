#!/usr/bin/env bash
# Builds a transparency log of N synthetic leaves (default 10,000,000) in a scratch PostgreSQL database, with the
# server's own tables (the V25 migration), so that TransparencyLogAtScaleBenchmarks can measure inclusion proofs
# through the server's store code (LogProofs.inclusion reading transparency_node through Nodes).
#
#   scripts/bench-tlog-10m.sh [N] [DB]          (database on 127.0.0.1:5432, user postgres; default t17bench)
#
# Leaf i is the entry {"type":"bench","i":i}; level 0 of transparency_node is its RFC 9162 leaf hash
# SHA-256(0x00 || entry), and every perfect subtree above it is SHA-256(0x01 || left || right), computed level by
# level in SQL (pgcrypto is not needed: PostgreSQL 11+ has sha256()). Indexes are built after the rows are in, as a
# bulk load would. Prints the time of each step.
set -euo pipefail
N=${1:-10000000}
DB=${2:-t17bench}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
HERE=$(cd "$(dirname "$0")/.." && pwd)
step() { echo "$(date -u +%H:%M:%S) $*"; }

step "drop and create database $DB"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
"${PSQL[@]}" -d "$DB" -f "$HERE"/openler-server/src/main/resources/db/migration/V25__transparency_log.sql

step "drop the indexes for the bulk load"
"${PSQL[@]}" -d "$DB" <<SQL
alter table transparency_entry drop constraint transparency_entry_pkey;
alter table transparency_entry drop constraint transparency_entry_leaf_index_key;
drop index transparency_entry_pending, transparency_entry_leaf_hash, transparency_entry_subject;
alter table transparency_node drop constraint transparency_node_pkey;
SQL

step "insert $N entries"
"${PSQL[@]}" -d "$DB" <<SQL
set synchronous_commit = off;
insert into transparency_entry (seq, leaf_index, leaf_hash, event_type, subject_hash, entry, logged_at)
select i + 1, i, sha256('\x00'::bytea || convert_to(e, 'UTF8')), 'bench', sha256(convert_to('subject ' || i, 'UTF8')),
       e, timestamptz '2026-12-07 00:00:00+00'
  from generate_series(0, $N - 1) as i, lateral (select '{"type":"bench","i":' || i || '}' as e) x;
select setval('transparency_entry_seq_seq', $N);
SQL

step "level 0 nodes"
"${PSQL[@]}" -d "$DB" <<SQL
insert into transparency_node (level, idx, hash) select 0, leaf_index, leaf_hash from transparency_entry;
create unlogged table bench_level as select leaf_index as idx, leaf_hash as hash from transparency_entry order by leaf_index;
SQL

level=0
size=$N
while [ "$size" -ge 2 ]; do
  next=$((level + 1))
  step "level $next nodes ($((size / 2)))"
  # Pairs (2j, 2j+1) of the level below, kept in a scratch table of that level only, so each level reads its own
  # rows once (a window over idx order) instead of joining the whole node table.
  "${PSQL[@]}" -d "$DB" <<SQL
set work_mem = '512MB';
create unlogged table bench_next as
select idx / 2 as idx, sha256('\x01'::bytea || hash || right_hash) as hash
  from (select idx, hash, lead(hash) over (order by idx) as right_hash from bench_level) pairs
 where idx % 2 = 0 and right_hash is not null
 order by 1;
insert into transparency_node (level, idx, hash) select $next, idx, hash from bench_next;
drop table bench_level;
alter table bench_next rename to bench_level;
SQL
  level=$next
  size=$((size / 2))
done
"${PSQL[@]}" -d "$DB" -c "drop table bench_level"

step "indexes"
"${PSQL[@]}" -d "$DB" <<SQL
set maintenance_work_mem = '1GB';
alter table transparency_node add primary key (level, idx);
alter table transparency_entry add primary key (seq);
alter table transparency_entry add unique (leaf_index);
create index transparency_entry_pending on transparency_entry (leaf_index, seq);
create index transparency_entry_leaf_hash on transparency_entry (leaf_hash);
create index transparency_entry_subject on transparency_entry (subject_hash);
update transparency_state set tree_size = $N where id = 1;
vacuum analyze transparency_entry;
vacuum analyze transparency_node;
SQL
step "done: $("${PSQL[@]}" -d "$DB" -tAc "select count(*) from transparency_node") nodes, $("${PSQL[@]}" -d "$DB" -tAc "select pg_size_pretty(pg_database_size('$DB'))")"
