-- OpenLER schema, part 31: the articulation index (issue 17). A provider's credit rules (current state, one row per
-- rule, and every saved version as its exact JSON), the courses and skills of the current version (for the public
-- index's search), and learners' credit requests with what they were awarded. A learner's requests go with the
-- account (on delete cascade); the credentials already issued for credit stay issued. The enumerated columns have no
-- CHECK constraints: the demo's H2 refused every insert into a table with one after a restart ("Check constraint
-- invalid", found by DemoModeIT); the Java enums are the only writers.

create table articulation_rule (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    version          integer not null,
    status           varchar(20) not null, -- DRAFT, PUBLISHED, WITHDRAWN (ArticulationRule.Status)
    source_kind      varchar(30) not null, -- CREDENTIAL, ASSESSMENT, LEARNING_OPPORTUNITY, ACHIEVEMENT
    source_ctid      varchar(40),
    source_issuer    varchar(300) not null,
    source_name      varchar(300) not null,
    rule_type        varchar(20) not null, -- DIRECT, BLOCK, ELECTIVE
    total_credits    numeric(7, 2) not null,
    effective_from   date not null,
    effective_until  date,
    automatic        boolean not null,
    document         text not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index articulation_rule_by_org on articulation_rule (organization_id, status);
create index articulation_rule_by_source_ctid on articulation_rule (source_ctid);
create index articulation_rule_by_source_name on articulation_rule (source_name);

create table articulation_rule_version (
    rule_id    uuid not null references articulation_rule (id) on delete cascade,
    version    integer not null,
    status     varchar(20) not null,
    document   text not null,
    saved_at   timestamp with time zone not null,
    primary key (rule_id, version)
);

-- The current version's target courses (a block or elective credit is one row without a code of its own).
create table articulation_course (
    rule_id       uuid not null references articulation_rule (id) on delete cascade,
    position      integer not null,
    code          varchar(40) not null,
    title         varchar(300) not null,
    credit_hours  numeric(6, 2) not null,
    credit_type   varchar(40) not null,
    level         varchar(40) not null,
    target_ctid   varchar(40),
    primary key (rule_id, position)
);
create index articulation_course_by_code on articulation_course (code);
create index articulation_course_by_ctid on articulation_course (target_ctid);

-- Skills the source teaches (from its registry entry or achievement, and any the provider named): the index's skill
-- search.
create table articulation_skill (
    rule_id  uuid not null references articulation_rule (id) on delete cascade,
    uri      varchar(1000) not null,
    label    varchar(300) not null,
    primary key (rule_id, uri)
);

-- One request per learner and rule (asking twice answers the first), and what it led to.
create table articulation_request (
    id                uuid primary key,
    account_id        uuid not null references account (id) on delete cascade,
    rule_id           uuid not null references articulation_rule (id) on delete cascade,
    rule_version      integer not null,
    organization_id   uuid not null references organization (id) on delete cascade,
    credential_id     uuid not null,
    credentials       text not null,
    share_id          uuid,
    status            varchar(20) not null, -- PENDING, APPROVED, DECLINED (CreditRequests.Status)
    verified          boolean not null,
    verification      varchar(1000) not null,
    reason            varchar(2000),
    requested_at      timestamp with time zone not null,
    decided_at        timestamp with time zone,
    unique (account_id, rule_id)
);
create index articulation_request_queue on articulation_request (organization_id, status, requested_at);

-- Each credential issued for an approved request: one per course.
create table articulation_award (
    request_id     uuid not null references articulation_request (id) on delete cascade,
    position       integer not null,
    credential_id  uuid not null,
    credit_hours   numeric(6, 2) not null,
    awarded_at     timestamp with time zone not null,
    primary key (request_id, position)
);
