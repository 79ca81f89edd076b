-- OpenLER schema, part 12: the learner's data rights. Discovery preference (off unless the person turns it on) and
-- correction requests from a person to the organization that issued one of their credentials. Both go with the
-- account (on delete cascade); the organization keeps nothing of a request once its author deleted the account.

create table privacy_preference (
    account_id    uuid primary key references account (id) on delete cascade,
    discoverable  boolean not null default false,
    updated_at    timestamp with time zone not null,
    version       integer not null default 0
);

-- A person asks an issuer to correct a credential they hold. The text is theirs (personal data); the issuer's staff
-- see it on their organization's page and answer once (resolved or declined) with a reply the person reads.
create table correction_request (
    id                    uuid primary key,
    account_id            uuid not null references account (id) on delete cascade,
    organization_id       uuid not null references organization (id) on delete cascade,
    wallet_credential_id  uuid references wallet_credential (id) on delete set null,
    credential_name       varchar(500) not null,
    message               varchar(4000) not null,
    state                 varchar(20) not null default 'OPEN' check (state in ('OPEN', 'RESOLVED', 'DECLINED')),
    reply                 varchar(4000),
    created_at            timestamp with time zone not null,
    answered_at           timestamp with time zone,
    version               integer not null default 0
);
create index correction_request_by_account on correction_request (account_id, created_at);
create index correction_request_by_organization on correction_request (organization_id, state, created_at);

-- Each time an organization's staff read a request (their list shows it), a row: the person sees who read their
-- request and when, on the privacy center. The organization is the party; staff members are not named to the person.
create table correction_access (
    id              bigint generated always as identity primary key,
    request_id      uuid not null references correction_request (id) on delete cascade,
    organization_id uuid not null references organization (id) on delete cascade,
    accessed_at     timestamp with time zone not null
);
create index correction_access_by_request on correction_access (request_id, accessed_at);
