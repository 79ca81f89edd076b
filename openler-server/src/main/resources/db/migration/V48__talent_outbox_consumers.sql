-- OpenLER schema, part 48: the talent outbox applied per consumer (issue 16). V47 had one done mark per row, shared
-- by every follower: with two indexes following one database (two server instances each with an embedded index, or
-- a Lucene and an OpenSearch index in one test JVM) one follower marked rows done that the other never applied. Now
-- each index is a consumer with its own marks. An index rebuilt at every start is a new consumer per process (its
-- rebuild covers the past); an index that keeps its content (a directory, an OpenSearch alias) has a stable name.
-- A row is marked applied by sequence number only, so a row whose transaction commits late is still pending for
-- every consumer. Rows every consumer seen recently has applied are purged; a consumer not seen recently rebuilds.

create table talent_outbox_consumer (
    consumer  text primary key,
    seen_at   timestamp with time zone not null
);

create table talent_outbox_applied (
    consumer  text not null references talent_outbox_consumer (consumer) on delete cascade,
    seq       bigint not null references talent_outbox (seq) on delete cascade,
    primary key (consumer, seq)
);
create index talent_outbox_applied_seq on talent_outbox_applied (seq);

drop index talent_outbox_pending;
alter table talent_outbox drop column done_at;
