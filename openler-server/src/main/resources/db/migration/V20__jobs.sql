-- Skills-based jobs of employer organizations (issue 15): the job, the skills it requires with weight and level,
-- and the registry credentials it asks for. A closed job stays readable; nothing is deleted.
create table job (
    id              uuid primary key,
    organization_id uuid          not null references organization (id),
    title           varchar(200)  not null,
    onet_code       varchar(10)   not null,
    onet_title      varchar(300)  not null,
    esco_uri        varchar(300),
    esco_title      varchar(300),
    summary         varchar(4000) not null default '',
    experience_months integer     not null default 0 check (experience_months between 0 and 600),
    education       varchar(40)   not null default 'none',
    location        varchar(200)  not null default '',
    remote          varchar(10)   not null default 'onsite' check (remote in ('onsite', 'hybrid', 'remote')),
    pay_min         numeric(12, 2),
    pay_max         numeric(12, 2),
    pay_currency    varchar(3),
    pay_unit        varchar(5) check (pay_unit in ('hour', 'year')),
    status          varchar(10)   not null default 'open' check (status in ('open', 'closed')),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    closed_at       timestamp with time zone,
    version         integer       not null default 0
);

create index job_organization on job (organization_id, status);
create index job_open on job (status, created_at);

create table job_requirement (
    job_id    uuid          not null references job (id) on delete cascade,
    position  integer       not null,
    skill_uri varchar(500)  not null,
    label     varchar(500)  not null,
    weight    double precision not null check (weight > 0 and weight <= 1),
    required  boolean       not null,
    level     integer       not null check (level between 1 and 5),
    source    varchar(20)   not null,
    primary key (job_id, skill_uri)
);

create table job_credential (
    job_id   uuid         not null references job (id) on delete cascade,
    credential_ctid varchar(60) not null,
    name     varchar(500) not null,
    required boolean      not null,
    primary key (job_id, credential_ctid)
);
