-- OpenLER schema, part 45: the level (1–5) a learner puts themselves at in a skill they state, so matching can compare
-- it with the level a job asks (at half weight, as every self-asserted skill). Null: no level given.
alter table profile_skill add column skill_level smallint check (skill_level between 1 and 5);
