-- H2 (the single-machine demo) has no row-level security; isolation there is in the queries, as everywhere. This file
-- keeps the version history the same on both databases.
select 1;
