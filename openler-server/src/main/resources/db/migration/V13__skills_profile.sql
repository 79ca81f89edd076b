-- OpenLER schema, part 13: the learner's skills profile and resume. Skills from credentials and endorsements are
-- read from the wallet each time (they follow the credentials' status); only what the learner says about themselves
-- is stored here: self-asserted skills (with the competency they mapped it to, if any, and their evidence) and
-- experiences. Every row carries the owning account id, and every query is scoped by it.

create table profile_skill (
    id                uuid primary key,
    account_id        uuid not null references account (id) on delete cascade,
    own_words         varchar(200)  not null,       -- the learner's own words, as they typed them
    competency_uri    varchar(2000),                -- the ontology entry they picked, or none (kept as free text)
    competency_label  varchar(500),                 -- its label when picked, so the profile reads without a join
    evidence_url      varchar(2000),
    evidence_text     varchar(4000),
    -- one of the learner's own held credentials offered as evidence (one without alignments, say)
    evidence_credential_id uuid references wallet_credential (id) on delete set null,
    list_position     integer      not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           integer      not null default 0
);
create index profile_skill_by_account on profile_skill (account_id, list_position);

create table profile_experience (
    id             uuid primary key,
    account_id     uuid not null references account (id) on delete cascade,
    kind           varchar(20)   not null check (kind in ('WORK', 'EDUCATION')),
    title          varchar(200)  not null,
    organization   varchar(200)  not null,
    start_date     date,
    end_date       date,
    description    varchar(4000),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        integer       not null default 0
);
create index profile_experience_by_account on profile_experience (account_id, start_date);
