-- OpenLER schema, part 9: the learner's wallet (holder keys, claims, held credentials, collections).
-- Every wallet row carries the owning account id, and every query the wallet makes is scoped by it.

-- Each learner's Ed25519 key, held for them and sealed under the master key; published as did:key. It signs the
-- learner's presentations (sharing). Made on first use.
create table holder_key (
    account_id            uuid primary key references account (id) on delete cascade,
    did                   varchar(200) not null unique,
    public_key_multibase  varchar(100) not null,
    sealed_private_key    bytea        not null,
    created_at            timestamp with time zone not null
);

-- A credential issued here to an e-mail address waits for its owner: the claim link's token is hashed at rest,
-- expires and is used once. The recipient column is the address the provider typed (lower-cased).
create table wallet_claim (
    id               uuid primary key,
    credential_id    uuid not null references issued_credential (id) on delete cascade,
    recipient_email  varchar(320) not null,
    token_hash       varchar(64)  not null unique,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    claimed_at       timestamp with time zone,
    claimed_by       uuid references account (id) on delete set null
);
create index wallet_claim_by_credential on wallet_claim (credential_id);

-- The credentials a learner holds: the exact bytes as received (a JSON credential or a compact VC-JWT) and, beside
-- them, columns for listing. A claimed credential records the holder DID it was bound to and the issued credential.
create table wallet_credential (
    id                    uuid primary key,
    account_id            uuid not null references account (id) on delete cascade,
    source                varchar(20)  not null check (source in ('CLAIMED', 'IMPORTED')),
    format                varchar(20)  not null check (format in ('DATA_INTEGRITY', 'VC_JWT')),
    document              text         not null,
    document_hash         varchar(64)  not null,       -- sha-256 of the document: the same file is held once
    issued_credential_id  uuid references issued_credential (id) on delete set null,
    holder_did            varchar(200),
    name                  varchar(500) not null,
    issuer_name           varchar(500) not null,
    issuer_id             varchar(2000) not null,
    valid_from            timestamp with time zone,
    valid_until           timestamp with time zone,
    hidden                boolean      not null default false,
    list_position              integer      not null,
    added_at              timestamp with time zone not null,
    version               integer      not null default 0,
    unique (account_id, document_hash)
);
create index wallet_credential_by_account on wallet_credential (account_id, list_position);

create table wallet_collection (
    id          uuid primary key,
    account_id  uuid not null references account (id) on delete cascade,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null,
    version     integer not null default 0
);
create index wallet_collection_by_account on wallet_collection (account_id);

create table wallet_collection_item (
    collection_id  uuid not null references wallet_collection (id) on delete cascade,
    credential_id  uuid not null references wallet_credential (id) on delete cascade,
    account_id     uuid not null references account (id) on delete cascade,
    added_at       timestamp with time zone not null,
    primary key (collection_id, credential_id)
);
