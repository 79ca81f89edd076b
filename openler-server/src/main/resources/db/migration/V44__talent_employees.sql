-- OpenLER schema, part 44: internal talent (issue 16). An employer links its employees: an invitation by e-mail
-- address that the person with that address accepts (or declines), and that either side's record shows; the employee
-- can end the link at any time. Only linked employees whose discovery is on appear in the employer's internal search,
-- by name. The link goes with the account and with the organization (on delete cascade).

create table talent_employee (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    email            varchar(320) not null,
    account_id       uuid references account (id) on delete cascade,
    state            varchar(20) not null default 'INVITED'
                     check (state in ('INVITED', 'LINKED', 'DECLINED', 'ENDED')),
    invited_at       timestamp with time zone not null,
    answered_at      timestamp with time zone
);
create index talent_employee_by_email on talent_employee (email, state);
create index talent_employee_by_organization on talent_employee (organization_id, state);
create index talent_employee_by_account on talent_employee (account_id, state);
