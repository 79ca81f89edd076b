-- A second factor for sign-in (issue 19): passkeys (WebAuthn, Spring Security's JDBC schema for its user entities and
-- credentials), TOTP (RFC 6238) as a fallback, single-use recovery codes, and an organization's requirement.

-- Spring Security's WebAuthn tables, as its JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository
-- read and write them. The user entity's name is the account's e-mail address (the signed-in name); account_id is ours,
-- set when the entity is saved, so that deleting an account deletes its passkeys.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(320)  not null unique,
    display_name varchar(200),
    account_id   uuid references account (id) on delete cascade
);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);

create index user_credentials_by_user on user_credentials (user_entity_user_id);

-- TOTP: the shared secret sealed with the master key (keys.KeySealer, context "totp:<account id>"); confirmed_at is
-- null until the holder proved their authenticator app with a first code. last_step is the last 30-second step a code
-- was accepted for: a code of that step or an earlier one is refused (no replay within its window).
create table account_totp (
    account_id    uuid primary key references account (id) on delete cascade,
    sealed_secret bytea                    not null,
    created_at    timestamp with time zone not null,
    confirmed_at  timestamp with time zone,
    last_step     bigint                   not null default 0
);

-- Recovery codes: ten per issue, shown once; only their SHA-256 is kept, and each works once.
create table account_recovery_code (
    account_id uuid        not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    used_at    timestamp with time zone,
    primary key (account_id, code_hash)
);

-- An organization that requires a second factor of its staff (absent row: not required).
create table organization_second_factor (
    organization_id uuid primary key references organization (id) on delete cascade,
    required        boolean                  not null,
    changed_at      timestamp with time zone not null,
    changed_by      uuid
);
