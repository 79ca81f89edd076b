-- PostgreSQL row-level security for the learner's own records. The application keeps its own role (it owns the tables,
-- so policies do not bind it: share links, deletion and background work read across learners through queries that are
-- scoped by consent or by owner). When a signed-in learner uses their own records, the server switches the connection
-- to the role openler_learner with openler.account_id set (identity.LearnerScopedDataSource): then these policies
-- admit only that learner's rows, whatever the SQL says. Creating the role needs CREATEROLE (or a superuser) once.
do $$
begin
    if not exists (select from pg_roles where rolname = 'openler_learner') then
        create role openler_learner nologin;
    end if;
    -- the application's user must be a member to switch to it (a superuser can anyway)
    execute format('grant openler_learner to %I', current_user);
exception when duplicate_object or unique_violation then
    null; -- another database of this cluster created it at the same moment
end
$$;

-- Within a learner's request every other table is used as the application uses it (the learner role gets the same
-- rights); only the learner tables below are limited by row.
grant usage on schema public to openler_learner;
grant select, insert, update, delete on all tables in schema public to openler_learner;
grant usage, select on all sequences in schema public to openler_learner;
alter default privileges in schema public grant select, insert, update, delete on tables to openler_learner;
alter default privileges in schema public grant usage, select on sequences to openler_learner;

-- The learner's id for this connection, or null (no learner: no row).
create or replace function openler_learner_id() returns uuid language sql stable as $$
    select nullif(current_setting('openler.account_id', true), '')::uuid
$$;

alter table holder_key enable row level security;
create policy learner_own_rows on holder_key to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table wallet_credential enable row level security;
create policy learner_own_rows on wallet_credential to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table wallet_collection enable row level security;
create policy learner_own_rows on wallet_collection to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table wallet_collection_item enable row level security;
create policy learner_own_rows on wallet_collection_item to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table credential_share enable row level security;
create policy learner_own_rows on credential_share to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table credential_share_item enable row level security;
create policy learner_own_rows on credential_share_item to openler_learner
    using (exists (select 1 from credential_share s where s.id = share_id))
    with check (exists (select 1 from credential_share s where s.id = share_id));

alter table credential_share_access enable row level security;
create policy learner_own_rows on credential_share_access to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table profile_skill enable row level security;
create policy learner_own_rows on profile_skill to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table profile_experience enable row level security;
create policy learner_own_rows on profile_experience to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table credential_exchange enable row level security;
create policy learner_own_rows on credential_exchange to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table presentation_made enable row level security;
create policy learner_own_rows on presentation_made to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table privacy_preference enable row level security;
create policy learner_own_rows on privacy_preference to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table correction_request enable row level security;
create policy learner_own_rows on correction_request to openler_learner
    using (account_id = openler_learner_id()) with check (account_id = openler_learner_id());

alter table correction_access enable row level security;
create policy learner_own_rows on correction_access to openler_learner
    using (exists (select 1 from correction_request r where r.id = request_id))
    with check (exists (select 1 from correction_request r where r.id = request_id));
