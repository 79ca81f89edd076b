-- OpenLER schema, part 7: suspension, status lists that roll over when full, and did:key issuance.

-- A credential now holds two status entries: revocation (final) and suspension (reversible). Credentials issued
-- before this migration hold a revocation entry only and cannot be suspended.
alter table issued_credential add column suspension_list_id uuid references status_list (id);
alter table issued_credential add column suspension_index integer;
create index issued_credential_by_suspension_list on issued_credential (suspension_list_id, status);

-- Which identity signs a list and the credentials in it: 'did:web' (the organization's did:web, any of its keys) or
-- the key id ('key-3') whose did:key is the issuer. A list is closed once it holds its capacity of credentials (a new
-- list is opened beside it); list numbers stay unique per organization and purpose across identities.
alter table status_list add column issuer varchar(40) not null default 'did:web';
alter table status_list add column closed_at timestamp with time zone;

-- Which identity issued a credential ('did:web' or the key id of its did:key).
alter table issued_credential add column issuer varchar(40) not null default 'did:web';
