-- An operator or organization admin reset a person's lost second factor (issue 19). While the row exists the person
-- must enrol a new factor: sign-in sends them to the enrolment page and organization routes stay closed to them. The
-- row goes when they enrol. How their identity was checked is kept here and in the audit trail.
create table second_factor_reset (
    account_id     uuid primary key references account (id) on delete cascade,
    reset_at       timestamp with time zone not null,
    reset_by       varchar(200)             not null,
    identity_check varchar(40)              not null
);
