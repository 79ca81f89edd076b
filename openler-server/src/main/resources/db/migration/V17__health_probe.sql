-- One row that the readiness check updates in a transaction it always rolls back: readiness then proves that the
-- database takes writes, not only that a connection answers.
create table health_probe (
    id         integer primary key,
    checked_at timestamp not null
);
insert into health_probe (id, checked_at) values (1, current_timestamp);
