-- OpenLER schema, part 3: bulk issuance from CSV. A job and its rows live in the database, so the worker of any
-- instance can take a row; a crashed worker's rows are taken again once their claim expires, and each row's
-- idempotency key makes a re-run return the credential the first run made (no second credential, no second index).

create table bulk_job (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    submitted_by     varchar(200) not null,                -- the actor's audit name: the worker issues as them
    submitted_at     timestamp with time zone not null,
    total            integer not null,
    submission_key   varchar(200),                         -- Idempotency-Key of the upload: re-sending makes no new job
    unique (organization_id, submission_key)
);
create index bulk_job_by_organization on bulk_job (organization_id, submitted_at);

-- One row per CSV line. PENDING rows are claimed in small batches (claim, claimed_at); DONE rows name their
-- credential, FAILED rows say why with a stable code and a plain reason.
create table bulk_row (
    id               uuid primary key,
    job_id           uuid not null references bulk_job (id) on delete cascade,
    row_number       integer not null,                     -- as in a spreadsheet: the header is row 1
    queued_at        timestamp with time zone not null,
    achievement_id   uuid,
    recipient_email  varchar(320),
    recipient_did    varchar(500),
    valid_until      timestamp with time zone,
    idempotency_key  varchar(200) not null,
    state            varchar(10) not null default 'PENDING' check (state in ('PENDING', 'DONE', 'FAILED')),
    claim            uuid,
    claimed_by       varchar(100),
    claimed_at       timestamp with time zone,
    attempts         integer not null default 0,
    credential_id    uuid references issued_credential (id) on delete set null,
    error_code       varchar(40),
    error            varchar(500),
    finished_at      timestamp with time zone,
    unique (job_id, row_number)
);
create index bulk_row_pending on bulk_row (state, queued_at, row_number);
create index bulk_row_by_claim on bulk_row (claim);
