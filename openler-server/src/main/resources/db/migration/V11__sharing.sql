-- OpenLER schema, part 11: consented sharing. A share is a learner's consent: which held credentials, to whom, for
-- what purpose, until when. Its link's token is hashed at rest (like claim links). Every open and download of the
-- link is recorded in the share's access log, which the learner sees.

create table credential_share (
    id           uuid primary key,
    account_id   uuid not null references account (id) on delete cascade,
    token_hash   varchar(64) unique,                -- sha-256 of the link's token; null for a share restored from a bundle
    party        varchar(200) not null,             -- as the learner named them, e.g. "Acme Corp HR"
    purpose      varchar(500) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    version      integer not null default 0
);
create index credential_share_by_account on credential_share (account_id, created_at);

-- What a share covers: held credentials in the learner's order. disclosed_claims is for formats with selective
-- disclosure (SD-JWT): null shares the whole credential. The name is kept so the history reads well after the
-- credential leaves the wallet (or comes back under a new id from a bundle).
create table credential_share_item (
    share_id          uuid not null references credential_share (id) on delete cascade,
    item_position     integer not null,
    credential_id     uuid references wallet_credential (id) on delete set null,
    credential_name   varchar(500) not null,
    disclosed_claims  varchar(4000),
    primary key (share_id, item_position)
);
create index credential_share_item_by_credential on credential_share_item (credential_id);

-- Who opened or downloaded a share, and when. The party is the viewer's organization when a signed-in staff member
-- or machine client opened it, else only the kind of viewer: no account id, no address of a person is kept.
create table credential_share_access (
    id               uuid primary key,
    share_id         uuid not null references credential_share (id) on delete cascade,
    account_id       uuid not null references account (id) on delete cascade,   -- the share's owner, for scoping
    accessed_at      timestamp with time zone not null,
    kind             varchar(20)  not null check (kind in ('OPENED', 'DOWNLOADED')),
    party_kind       varchar(20)  not null check (party_kind in ('ANONYMOUS', 'PERSON', 'ORGANIZATION', 'OWNER')),
    organization_id  uuid references organization (id) on delete set null,
    organization_name varchar(300)
);
create index credential_share_access_by_share on credential_share_access (share_id, accessed_at);
create index credential_share_access_by_account on credential_share_access (account_id, accessed_at);

-- A verifier asks whether a did:key issuer is one of this platform's organizations (sharing's 'known issuer').
create index issuer_key_by_public_key on issuer_key (public_key_multibase);
