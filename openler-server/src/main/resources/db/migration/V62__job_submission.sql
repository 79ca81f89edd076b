-- OpenLER schema, part 62: the Idempotency-Key of POST /orgs/<org>/jobs, as bulk_job.submission_key and
-- articulation_import_job.submission_key are for uploads. One row per key and organization: the jobs that request made
-- (an HR Open posting may make several, in its order) and a SHA-256 of the request (its ?format and its JSON as
-- parsed), so re-sending the same request answers with the same jobs and the same key with another request is a 409.
create table job_submission (
    organization_id  uuid         not null references organization (id) on delete cascade,
    submission_key   varchar(200) not null,
    request_sha256   varchar(64)  not null,
    job_ids          text         not null,               -- the jobs' ids, comma-separated (portable: no arrays)
    submitted_at     timestamp with time zone not null,
    primary key (organization_id, submission_key)
);
