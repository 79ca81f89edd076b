-- The claim message a claim link was mailed in. A credential placed straight into the wallet (the demo's seeding, or
-- credit the learner asked for while signed in) uses up its claim link; its still-undelivered message is withdrawn
-- with it, so no mail offers a link that can no longer work.
alter table wallet_claim add column message_id uuid;
