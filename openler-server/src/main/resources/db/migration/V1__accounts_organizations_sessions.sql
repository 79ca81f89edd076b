-- OpenLER schema, part 1: people, organizations, staff roles, invitations, sign-on plumbing.
-- Written once for PostgreSQL (the system of record) and H2 in PostgreSQL mode (the embedded demo default):
-- only portable SQL here; PostgreSQL-only features go in db/vendor/postgresql.

create table account (
    id                uuid primary key,
    email             varchar(320) not null unique,  -- stored lower-cased
    display_name      varchar(200) not null,
    password_hash     varchar(200),                  -- null for accounts that only sign in through an external provider
    kind              varchar(20)  not null check (kind in ('LEARNER', 'STAFF')),
    preferred_locale  varchar(10)  not null default 'en',
    platform_operator boolean      not null default false,
    created_at        timestamp with time zone not null,
    version           integer      not null default 0
);

create table external_identity (
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    account_id uuid not null references account (id) on delete cascade,
    created_at timestamp with time zone not null,
    primary key (issuer, subject)
);

create table organization (
    id         uuid primary key,
    slug       varchar(64)  not null unique,
    name       varchar(200) not null,
    kind       varchar(20)  not null check (kind in ('PROVIDER', 'EMPLOYER')),
    created_at timestamp with time zone not null,
    version    integer not null default 0
);

create table membership (
    organization_id uuid not null references organization (id) on delete cascade,
    account_id      uuid not null references account (id) on delete cascade,
    role            varchar(20) not null check (role in ('ADMIN', 'ISSUER', 'VIEWER')),
    created_at      timestamp with time zone not null,
    version         integer not null default 0,
    primary key (organization_id, account_id)
);
create index membership_by_account on membership (account_id);

create table invitation (
    id              uuid primary key,
    organization_id uuid not null references organization (id) on delete cascade,
    email           varchar(320) not null,
    role            varchar(20)  not null check (role in ('ADMIN', 'ISSUER', 'VIEWER')),
    token_hash      varchar(64)  not null unique,   -- sha-256 of the token; the token itself is only in the e-mail
    invited_by      uuid references account (id) on delete set null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    accepted_at     timestamp with time zone,
    accepted_by     uuid references account (id) on delete set null
);
create index invitation_by_organization on invitation (organization_id);

create table password_reset (
    token_hash varchar(64) primary key,
    account_id uuid not null references account (id) on delete cascade,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

-- Mail goes through an outbox so that a failed send never rolls back the business write,
-- and so that demo mode can show the messages on a page instead of sending them.
create table outbox_message (
    id           uuid primary key,
    recipient    varchar(320) not null,
    subject      varchar(300) not null,
    body         text         not null,
    created_at   timestamp with time zone not null,
    delivered_at timestamp with time zone
);

-- Security events. Actors and subjects are ids, never e-mail addresses or names.
create table audit_event (
    id              bigint generated always as identity primary key,
    occurred_at     timestamp with time zone not null,
    action          varchar(60)  not null,
    actor           varchar(200) not null,
    organization_id uuid,
    subject         varchar(200),
    outcome         varchar(20)  not null check (outcome in ('SUCCESS', 'FAILURE')),
    detail          varchar(1000)
);
create index audit_event_by_organization on audit_event (organization_id, occurred_at);

-- Machine clients (OAuth 2.0 client credentials) belong to an organization.
create table machine_client (
    client_id            varchar(100) primary key,
    registered_client_id varchar(100) not null unique,
    organization_id      uuid not null references organization (id) on delete cascade,
    name                 varchar(200) not null,
    created_by           uuid references account (id) on delete set null,
    created_at           timestamp with time zone not null,
    secret_rotated_at    timestamp with time zone not null
);
create index machine_client_by_organization on machine_client (organization_id);

-- Platform signing keys (e.g. the key that signs OpenID Connect tokens), shared by every server instance.
-- Private halves are sealed with AES-GCM under the configured master key.
create table platform_key (
    kid                   varchar(64) primary key,
    purpose               varchar(40) not null,
    generation            integer     not null,
    public_jwk            text        not null,
    sealed_private_key    bytea       not null,
    created_at            timestamp with time zone not null,
    retired_at            timestamp with time zone,
    unique (purpose, generation)
);

-- Spring Authorization Server tables (its schema, with blob -> text and timestamp -> timestamptz as it advises).
create table oauth2_registered_client (
    id                            varchar(100) not null primary key,
    client_id                     varchar(100) not null,
    client_id_issued_at           timestamp with time zone default current_timestamp not null,
    client_secret                 varchar(200) default null,
    client_secret_expires_at      timestamp with time zone default null,
    client_name                   varchar(200) not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000) default null,
    post_logout_redirect_uris     varchar(1000) default null,
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text default null,
    state                         varchar(500) default null,
    authorization_code_value      text default null,
    authorization_code_issued_at  timestamp with time zone default null,
    authorization_code_expires_at timestamp with time zone default null,
    authorization_code_metadata   text default null,
    access_token_value            text default null,
    access_token_issued_at        timestamp with time zone default null,
    access_token_expires_at       timestamp with time zone default null,
    access_token_metadata         text default null,
    access_token_type             varchar(100) default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text default null,
    oidc_id_token_issued_at       timestamp with time zone default null,
    oidc_id_token_expires_at      timestamp with time zone default null,
    oidc_id_token_metadata        text default null,
    refresh_token_value           text default null,
    refresh_token_issued_at       timestamp with time zone default null,
    refresh_token_expires_at      timestamp with time zone default null,
    refresh_token_metadata        text default null,
    user_code_value               text default null,
    user_code_issued_at           timestamp with time zone default null,
    user_code_expires_at          timestamp with time zone default null,
    user_code_metadata            text default null,
    device_code_value             text default null,
    device_code_issued_at         timestamp with time zone default null,
    device_code_expires_at        timestamp with time zone default null,
    device_code_metadata          text default null
);

create table oauth2_authorization_consent (
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Spring Session (JDBC): sessions live in the database so that any instance can serve any request.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval integer  not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
