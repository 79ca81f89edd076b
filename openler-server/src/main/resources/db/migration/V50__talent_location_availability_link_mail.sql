-- OpenLER schema, part 50: the rest of issue 16's people side.
-- 1. The learner's optional coarse location (a region from a fixed list: a US state, DC or Puerto Rico, as its ISO
--    3166-2 code; never a street, a city or a postcode) and availability, shown on the anonymous card and usable as
--    search filters (still answering "too few candidates" below five people).
-- 2. The employee link invitation now goes by e-mail with a link: only the SHA-256 of the link's token is kept, as
--    for staff invitations and password resets. Older invitations have none (they are answered from the learner's
--    page, as before).

alter table talent_discovery add column region varchar(10);
alter table talent_discovery add column availability varchar(20);
alter table talent_discovery add constraint talent_discovery_availability
    check (availability in ('NOW', 'WITHIN_3_MONTHS', 'NOT_LOOKING'));

alter table talent_employee add column token_hash varchar(64);
create unique index talent_employee_by_token on talent_employee (token_hash);
