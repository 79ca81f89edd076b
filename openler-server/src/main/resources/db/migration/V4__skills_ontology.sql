-- OpenLER schema, part 4: the skills ontology. Frameworks (ESCO, O*NET, NICE, a state's own CASE / CTDL-ASN / RSD
-- taxonomy) with their competencies, occupations, what each occupation requires, and crosswalks between frameworks.
-- A framework row is one version: a new version is added beside the old one, never over it, so every competency
-- keeps (framework, version, URI). Rows of a version are written once, in the import's one transaction; the
-- content hash makes a re-import of the same content a no-op.

create table skill_framework (
    id               uuid primary key,
    slug             varchar(100) not null,
    version          varchar(100) not null,
    name             varchar(500) not null,
    publisher        varchar(500) not null,
    licence          varchar(200) not null,
    attribution      varchar(2000) not null,
    source           varchar(2000) not null,               -- where the import read it: a bundled resource or an upload
    format           varchar(40) not null,                 -- onet, esco, nice, crosswalk, case, ctdl-asn, rsd, rsd-csv
    uri              varchar(500) not null,               -- the framework's own URI (the publisher's where it has one)
    description      text,
    content_sha256   varchar(64) not null,
    imported_at      timestamp with time zone not null,
    competencies     integer not null default 0,
    occupations      integer not null default 0,
    unique (slug, version)
);

-- kind: skill, knowledge, technology, technology-class, work-role, task, competency-area, skill-group, competency …
create table skill_competency (
    id               uuid primary key,
    framework_id     uuid not null references skill_framework (id) on delete cascade,
    uri              varchar(500) not null,
    code             varchar(300) not null,
    kind             varchar(40) not null,
    label            varchar(2000) not null,
    description      text,
    unique (framework_id, uri),
    unique (framework_id, code)
);
create index skill_competency_by_uri on skill_competency (uri);

create table skill_competency_label (
    competency_id    uuid not null references skill_competency (id) on delete cascade,
    label            varchar(500) not null,
    primary key (competency_id, label)
);

-- The framework's own hierarchy (ESCO skill groups, O*NET technology classes, CASE isChildOf …).
create table skill_competency_broader (
    competency_id    uuid not null references skill_competency (id) on delete cascade,
    broader_id       uuid not null references skill_competency (id) on delete cascade,
    primary key (competency_id, broader_id)
);
create index skill_competency_narrower on skill_competency_broader (broader_id);

create table skill_occupation (
    id               uuid primary key,
    framework_id     uuid not null references skill_framework (id) on delete cascade,
    uri              varchar(500) not null,
    code             varchar(300) not null,
    title            varchar(1000) not null,
    description      text,
    job_zone         smallint check (job_zone between 1 and 5),
    unique (framework_id, uri),
    unique (framework_id, code)
);
create index skill_occupation_by_uri on skill_occupation (uri);

create table skill_occupation_label (
    occupation_id    uuid not null references skill_occupation (id) on delete cascade,
    label            varchar(500) not null,
    primary key (occupation_id, label)
);

create table skill_occupation_related (
    occupation_id    uuid not null references skill_occupation (id) on delete cascade,
    related_id       uuid not null references skill_occupation (id) on delete cascade,
    tier             varchar(40),
    position         integer not null,
    primary key (occupation_id, related_id)
);

-- What an occupation requires. weight 0–1 (from O*NET importance, or the framework's essential/optional),
-- proficiency 1–5 (from O*NET level) where the source rates it. source: rated (the framework's ratings), listed
-- (the framework lists it, unrated), crosswalk (borrowed from a matched occupation of another framework),
-- technology (O*NET technology skills, with their hot / in-demand flags).
create table skill_requirement (
    occupation_id    uuid not null references skill_occupation (id) on delete cascade,
    competency_id    uuid not null references skill_competency (id) on delete cascade,
    source           varchar(20) not null check (source in ('rated', 'listed', 'crosswalk', 'technology')),
    weight           numeric(5, 4) not null check (weight between 0 and 1),
    proficiency      smallint check (proficiency between 1 and 5),
    essential        boolean not null,
    hot_technology   boolean not null default false,
    in_demand        boolean not null default false,
    primary key (occupation_id, competency_id, source)
);
create index skill_requirement_by_competency on skill_requirement (competency_id);

-- SKOS mapping relations between URIs of any frameworks (the ESCO–O*NET occupation crosswalk, CASE exactMatchOf …),
-- kept by URI so that they survive either side's re-import and can point outside the platform.
create table skill_crosswalk (
    framework_id     uuid not null references skill_framework (id) on delete cascade,
    subject_uri      varchar(500) not null,
    object_uri       varchar(500) not null,
    relation         varchar(10) not null check (relation in ('exact', 'close', 'broad', 'narrow', 'related')),
    primary key (framework_id, subject_uri, object_uri)
);
create index skill_crosswalk_by_subject on skill_crosswalk (subject_uri);
create index skill_crosswalk_by_object on skill_crosswalk (object_uri);
