-- OpenLER schema, part 30: talent search (issue 16). The learner's discovery setting and what they made searchable,
-- the platform secret that pseudonyms are derived from (sealed under the master key), every appearance of a
-- learner in an employer's results (the learner's access log, and the only way an employer can name a candidate),
-- and invitations to apply. Everything about a learner goes with the account (on delete cascade).

create table talent_discovery (
    account_id  uuid primary key references account (id) on delete cascade,
    mode        varchar(20) not null default 'OFF' check (mode in ('OFF', 'ANONYMOUS', 'INTERNAL')),
    updated_at  timestamp with time zone not null
);
create index talent_discovery_by_mode on talent_discovery (mode);

-- What the learner lets a search read: a held credential (its wallet id) or a skill of their own (its URI).
create table talent_searchable (
    account_id  uuid not null references account (id) on delete cascade,
    kind        varchar(20) not null check (kind in ('CREDENTIAL', 'SKILL')),
    ref         varchar(1000) not null,
    primary key (account_id, kind, ref)
);

-- One row: 32 random bytes sealed under the master key; per-employer pseudonym keys are HMACs of it.
create table talent_secret (
    id      integer primary key check (id = 1),
    sealed  bytea not null
);

create table talent_appearance (
    id               bigint generated always as identity primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    account_id       uuid not null references account (id) on delete cascade,
    pseudonym        varchar(40) not null,
    query_title      varchar(300) not null,
    seen_at          timestamp with time zone not null
);
create index talent_appearance_by_pseudonym on talent_appearance (organization_id, pseudonym);
create index talent_appearance_by_account on talent_appearance (account_id, seen_at);

create table talent_invitation (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    account_id       uuid not null references account (id) on delete cascade,
    pseudonym        varchar(40) not null,
    job_id           uuid,
    job_title        varchar(300),
    message          varchar(2000),
    state            varchar(20) not null default 'OPEN'
                     check (state in ('OPEN', 'ACCEPTED', 'DECLINED', 'VOID')),
    share_id         uuid,
    share_token      bytea,
    created_at       timestamp with time zone not null,
    answered_at      timestamp with time zone
);
create index talent_invitation_by_account on talent_invitation (account_id, state);
create index talent_invitation_by_organization on talent_invitation (organization_id, created_at);
