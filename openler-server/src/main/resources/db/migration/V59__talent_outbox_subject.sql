-- OpenLER schema, part 59: talent outbox rows name a subject, not only an account (issue 16). The subject is a one-way
-- keyed hash of the account id (HMAC-SHA256 under a key derived from the sealed talent secret), and it is also the
-- name of the learner's document in every index. When an account is erased, its rows keep only the subject: the
-- removal still reaches every index, and nothing left in the outbox names the person. Rows written before this
-- migration have no subject; the follower derives it from their account id.

alter table talent_outbox add column subject varchar(64);
alter table talent_outbox alter column account_id drop not null;
