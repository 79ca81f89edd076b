-- Articulation imports as jobs (docs/articulation.md): a registrar's CSV or a CTDL graph is kept with its job and
-- saved one rule at a time by a background worker, the job's progress committed in the same transaction as each
-- rule. A worker that dies (kill -9, a restart) leaves the job RUNNING with an old heartbeat; any worker then takes it
-- again and continues at the first rule not yet committed, so no rule is saved twice and none is lost.
create table articulation_import (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    submitted_by     varchar(200) not null,                 -- the actor's audit name
    submitted_at     timestamp with time zone not null,
    format           varchar(4) not null check (format in ('CSV', 'CTDL')),
    body             bytea not null,                        -- the file as uploaded, read again on resume
    submission_key   varchar(200),                          -- Idempotency-Key: re-sending makes no new job
    state            varchar(8) not null default 'QUEUED' check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total            integer,                               -- rules in the file, known once it is read
    done             integer not null default 0,            -- rules handled (saved or refused), committed
    created          integer not null default 0,
    updated          integer not null default 0,
    errors           text not null default '[]',            -- JSON array of {row, code, reason}, at most 1000
    error_count      integer not null default 0,
    failure          varchar(500),                          -- why the whole file was refused (FAILED)
    claimed_by       varchar(100),
    heartbeat_at     timestamp with time zone,
    finished_at      timestamp with time zone,
    unique (organization_id, submission_key)
);
create index articulation_import_waiting on articulation_import (state, submitted_at);
create index articulation_import_by_organization on articulation_import (organization_id, submitted_at);
