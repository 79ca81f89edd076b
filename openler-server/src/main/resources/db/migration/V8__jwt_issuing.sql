-- OpenLER schema: VC-JWT (Open Badges 3.0 §8.2) as the second credential format.

-- An organization's P-256 (ES256) JWT signing keys, published in its did:web document as JsonWebKey verification
-- methods (#jwk-1, #jwk-2, ...). Sealed at rest like the Ed25519 keys; they rotate with them. A retired key stays
-- published (old JWTs keep verifying) but never signs again.
create table issuer_jwt_key (
    id                  uuid primary key,
    organization_id     uuid not null references organization (id) on delete cascade,
    key_id              varchar(40)  not null,             -- the fragment: did:web:...#jwk-1
    generation          integer      not null,
    public_jwk          varchar(1000) not null,            -- the public JWK's JSON (kty, crv, x, y)
    sealed_private_key  bytea        not null,
    created_at          timestamp with time zone not null,
    retired_at          timestamp with time zone,
    unique (organization_id, generation),
    unique (organization_id, key_id)
);

-- Which proof format a stored credential has: 'ldp' (Data Integrity JSON, the default) or 'jwt' (a compact JWS).
alter table issued_credential add column format varchar(8) default 'ldp' not null;
alter table issued_credential add constraint issued_credential_format check (format in ('ldp', 'jwt'));
