-- OpenLER schema, part 60: a share names its party organization by id (issue 16). A share's party was words only, and
-- an employer's internal talent search counted the shares whose words matched its name, so two organizations with one
-- name could not be told apart. Now a share made to an organization on the platform (an accepted talent invitation,
-- or a party typed that names exactly one organization) records it, and internal search reads the id. Old rows get
-- the organization whose name matches their party, ignoring case and outer spaces, where exactly one does.

alter table credential_share add column party_organization_id uuid references organization (id) on delete set null;

update credential_share set party_organization_id =
        (select o.id from organization o where lower(trim(o.name)) = lower(trim(credential_share.party)))
    where (select count(*) from organization o where lower(trim(o.name)) = lower(trim(credential_share.party))) = 1;

create index credential_share_by_party_organization on credential_share (party_organization_id, account_id);
