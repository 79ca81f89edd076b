-- OpenLER schema, part 14: taking a credential to an external wallet (VC-API exchange, OpenID4VCI pre-authorized code).

-- A credential re-issued to a holder's DID names the credential it was re-issued from.
alter table issued_credential add column reissued_from uuid references issued_credential (id) on delete set null;

-- One offer of one held credential: a VC-API exchange (its id is in the URL; the challenge is asked back) and an
-- OpenID4VCI pre-authorized code, whichever the wallet uses first. Codes and tokens are kept only as SHA-256. Used
-- once, it records the holder DID and the credential delivered, so a retry answers the same credential.
create table credential_exchange (
    id                         uuid primary key,
    account_id                 uuid not null references account (id) on delete cascade,
    wallet_credential_id       uuid not null references wallet_credential (id) on delete cascade,
    issued_credential_id       uuid not null references issued_credential (id) on delete cascade,
    challenge                  varchar(64)  not null,
    pre_authorized_code_hash   varchar(64)  not null unique,
    tx_code_hash               varchar(64),
    access_token_hash          varchar(64)  unique,
    access_token_expires_at    timestamp with time zone,
    created_at                 timestamp with time zone not null,
    expires_at                 timestamp with time zone not null,
    completed_at               timestamp with time zone,
    protocol                   varchar(10) check (protocol in ('VCAPI', 'OID4VCI')),
    holder_did                 varchar(500),
    delivered_format           varchar(8),
    delivered_credential_id    uuid references issued_credential (id) on delete set null,
    version                    integer not null default 0
);
create index credential_exchange_by_account on credential_exchange (account_id, created_at);

-- OpenID4VCI c_nonce values handed out by the nonce endpoint: each is taken (deleted) by the one proof that uses it.
create table oid4vci_nonce (
    nonce_hash  varchar(64) primary key,
    expires_at  timestamp with time zone not null
);
