-- OpenLER schema: SD-JWT VC as the third credential format, and OpenID4VP 1.0 presentation requests and responses.

-- The provider's record of what it issued: 'sd-jwt' beside 'ldp' and 'jwt' (the constraint was named in V8).
alter table issued_credential drop constraint issued_credential_format;
alter table issued_credential add constraint issued_credential_format check (format in ('ldp', 'jwt', 'sd-jwt'));

-- The wallet holds SD-JWT VCs. V9's check on wallet_credential.format has no name (and a different one on each
-- database), so the column is replaced: a new one with a named check, the values copied, the old one dropped.
alter table wallet_credential add column held_format varchar(20) default 'DATA_INTEGRITY' not null;
update wallet_credential set held_format = format;
alter table wallet_credential drop column format;
alter table wallet_credential rename column held_format to format;
alter table wallet_credential add constraint wallet_credential_format
    check (format in ('DATA_INTEGRITY', 'VC_JWT', 'SD_JWT'));

-- A verifier's (an employer's) OpenID4VP request: the DCQL query as sent, the nonce and state that bind the answer
-- to it, and, once answered, the verified result in plain terms. A request is answered once.
create table presentation_request (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    created_by       varchar(200) not null,
    purpose          varchar(500) not null,
    vct              varchar(2000) not null,
    claims           varchar(2000) not null,          -- the asked-for claim names, comma-separated
    dcql_query       text          not null,
    nonce            varchar(100)  not null unique,
    state            varchar(100)  not null unique,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    answered_at      timestamp with time zone,
    outcome          varchar(20) check (outcome in ('VERIFIED', 'REFUSED')),
    result           text,                            -- what was verified, as JSON: disclosed claims, issuer, checks
    vp_token_hash    varchar(64) unique               -- sha-256 of the vp_token: one token answers one request
);
create index presentation_request_by_organization on presentation_request (organization_id, created_at);

-- What a learner presented, to whom, when, which claims: the learner's own record of it (the privacy section
-- "presentations"). Kept when the request is deleted; the verifier's name is copied for that reason.
create table presentation_made (
    id                uuid primary key,
    account_id        uuid not null references account (id) on delete cascade,
    request_id        uuid references presentation_request (id) on delete set null,
    verifier_name     varchar(500) not null,
    verifier_client   varchar(2000) not null,
    purpose           varchar(500) not null,
    credential_id     uuid references wallet_credential (id) on delete set null,
    credential_name   varchar(500) not null,
    format            varchar(20) not null check (format in ('SD_JWT', 'DATA_INTEGRITY', 'VC_JWT')),
    claims            varchar(2000) not null,          -- the claim names disclosed, comma-separated
    presented_at      timestamp with time zone not null
);
create index presentation_made_by_account on presentation_made (account_id, presented_at);
