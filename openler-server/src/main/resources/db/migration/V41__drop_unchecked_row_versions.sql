-- Optimistic-locking columns that were bumped on every update but never checked. A version is kept where two people
-- may edit the same row at once and the loser must hear of it (registry_entry, job: both checked with
-- "where version = ?" and answered 409). The others are written by one person (an account, its wallet, profile,
-- shares, privacy choices), or move through states whose updates already say which state they expect
-- (correction_request, credential_exchange), or are never updated (organization, achievement): a version there is
-- noise that suggests a guarantee nobody gives. status_list.version is not a lock but the list's content version.
alter table account drop column version;
alter table organization drop column version;
alter table membership drop column version;
alter table achievement drop column version;
alter table credential_share drop column version;
alter table privacy_preference drop column version;
alter table correction_request drop column version;
alter table profile_skill drop column version;
alter table profile_experience drop column version;
alter table credential_exchange drop column version;
alter table wallet_credential drop column version;
alter table wallet_collection drop column version;
