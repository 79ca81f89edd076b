-- OpenLER schema, part 63: the jobs an Idempotency-Key of POST /orgs/<org>/jobs made, one row each, in the posting's
-- order, instead of job_submission.job_ids (their ids comma-separated in one text column): a job id is now a foreign
-- key, and a job that goes takes its row with it.
create table job_submission_job (
    organization_id  uuid         not null,
    submission_key   varchar(200) not null,
    ordinal          integer      not null check (ordinal >= 0),  -- 0 for the posting's first job
    job_id           uuid         not null references job (id) on delete cascade,
    primary key (organization_id, submission_key, ordinal),
    foreign key (organization_id, submission_key)
        references job_submission (organization_id, submission_key) on delete cascade
);

-- The rows already there: a UUID is 36 characters, so the n-th id of "id,id,…" starts at 1 + 37n. A posting makes at
-- most 20 jobs (HrOpenPositions.MAX_PROFILES). Plain SQL that PostgreSQL and H2 (the demo's database) both run.
insert into job_submission_job (organization_id, submission_key, ordinal, job_id)
select s.organization_id, s.submission_key, n.i, cast(substring(s.job_ids, 1 + 37 * n.i, 36) as uuid)
from job_submission s
cross join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9),
                   (10), (11), (12), (13), (14), (15), (16), (17), (18), (19)) as n (i)
where length(s.job_ids) >= 37 * n.i + 36;

alter table job_submission drop column job_ids;
