-- OpenLER schema, part 58: results an issuer states (OB 3.0 ResultDescription on the achievement, Result on the
-- subject). An achievement's result descriptions (a rubric with levels, a letter grade, a percent) as JSON, their ids
-- minted once; a bulk row's stated results as the CSV gave them ("Name=Value; Name=Value"), checked when it is issued.
alter table achievement add column result_descriptions text;
alter table bulk_row add column results varchar(2000);
