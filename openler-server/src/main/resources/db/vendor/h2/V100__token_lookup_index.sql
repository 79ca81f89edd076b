-- H2 (the single-machine demo) cannot index large-object text; a demo's token table stays small. This file keeps the
-- version history the same on both databases.
select 1;
