-- Failed sign-in attempts (issue 19): counted per account name, per machine client and per source address, so that
-- password and client-secret guessing meets growing delays and, after 100 consecutive failures on one name, a lock
-- that only an admin (or the operator) lifts. Kept in the database so it holds across restarts and instances.
-- The subject is a SHA-256 of the normalised name or address: no e-mail addresses or IP addresses in clear.
create table sign_in_throttle (
    kind            varchar(10) not null check (kind in ('ACCOUNT', 'CLIENT', 'ADDRESS')),
    subject         varchar(64) not null,
    failures        integer     not null default 0,
    last_failure_at timestamp with time zone,
    locked_at       timestamp with time zone,
    primary key (kind, subject)
);
