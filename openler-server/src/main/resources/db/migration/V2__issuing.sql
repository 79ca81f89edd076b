-- OpenLER schema, part 2: issuing verifiable credentials (issuer keys, achievements, issued credentials, status lists).

-- An organization's Ed25519 signing keys, published in its did:web document as Multikey verification methods.
-- Retired keys stay published (old credentials keep verifying) but never sign again.
create table issuer_key (
    id                    uuid primary key,
    organization_id       uuid not null references organization (id) on delete cascade,
    key_id                varchar(40)  not null,           -- the fragment: did:web:...#key-1
    generation            integer      not null,
    public_key_multibase  varchar(100) not null,
    sealed_private_key    bytea        not null,
    created_at            timestamp with time zone not null,
    retired_at            timestamp with time zone,
    unique (organization_id, generation),
    unique (organization_id, key_id)
);

-- Open Badges 3.0 achievements a provider defines; alignments are competency URIs (JSON array).
create table achievement (
    id                uuid primary key,
    organization_id   uuid not null references organization (id) on delete cascade,
    name              varchar(300) not null,
    description       varchar(4000) not null,
    criteria          varchar(4000) not null,
    achievement_type  varchar(60),
    image_url         varchar(2000),
    alignments        text not null,
    created_at        timestamp with time zone not null,
    version           integer not null default 0
);
create index achievement_by_organization on achievement (organization_id);

-- Bitstring Status List v1.0 lists. The bits are not stored: a published list is computed from the statuses of the
-- credentials allocated to it, so concurrent revocations on several instances can never lose an update.
create table status_list (
    id                  uuid primary key,
    organization_id     uuid not null references organization (id) on delete cascade,
    purpose             varchar(20) not null check (purpose in ('revocation', 'suspension')),
    list_number         integer not null,
    size                integer not null,
    version             bigint  not null default 0,        -- bumped by every status change in the list
    published_version   bigint,
    published_document  text,
    created_at          timestamp with time zone not null,
    unique (organization_id, purpose, list_number)
);

-- Which index of which list a credential holds. The primary key is what makes an index never reused, across
-- every server instance; indexes are drawn at random so that a list reveals nothing about issuance order.
create table status_allocation (
    status_list_id  uuid    not null references status_list (id) on delete cascade,
    status_index    integer not null,
    credential_id   uuid    not null,
    primary key (status_list_id, status_index)
);

-- Issued credentials, kept as the exact bytes that were signed. Columns beside them are for querying only.
create table issued_credential (
    id                 uuid primary key,
    organization_id    uuid not null references organization (id) on delete cascade,
    achievement_id     uuid references achievement (id) on delete set null,
    recipient_email    varchar(320),                       -- for the learner to claim it; null for DID recipients
    recipient_did      varchar(500),
    document           text not null,
    status_list_id     uuid references status_list (id),
    status_index       integer,
    status             varchar(20) not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED', 'SUSPENDED')),
    issued_at          timestamp with time zone not null,
    valid_until        timestamp with time zone,
    idempotency_key    varchar(200),
    issued_by          varchar(200) not null,
    unique (organization_id, idempotency_key)
);
create index issued_credential_by_organization on issued_credential (organization_id, issued_at);
create index issued_credential_by_status_list on issued_credential (status_list_id, status);
