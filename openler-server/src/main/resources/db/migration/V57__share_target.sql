-- OpenLER schema, part 57: a share may be aimed at a target, a job on the platform or an occupation, and its reader
-- then sees the fit of the shared credentials to it, worked out when they look. What is kept is what the learner
-- chose: the kind, the job's id or the occupation's code (an O*NET-SOC code or an ESCO URI), and its title then, for
-- the learner's list (the reader's page reads the title now). No target: all three null.

alter table credential_share add column target_kind varchar(20);
alter table credential_share add column target_ref varchar(300);
alter table credential_share add column target_title varchar(500);
alter table credential_share add constraint credential_share_target check (
    (target_kind is null and target_ref is null and target_title is null)
    or (target_kind in ('job', 'occupation') and target_ref is not null and target_title is not null));
