-- OpenLER schema, part 5: vectors of the ontology's texts for the suggestion engine (skills.suggest).
-- One row per competency text (preferred or alternative label) and embedding model, keyed by the text's SHA-256: a
-- re-import that keeps a label keeps its vector, an edited label gets a new one, another model gets its own rows.
-- Written in the background after an import, batch by batch (so it resumes), by any instance; every instance reads
-- them instead of computing its own.
create table skill_text_vector (
    competency_id    uuid not null references skill_competency (id) on delete cascade,
    model            varchar(100) not null,
    text_hash        varchar(64) not null,
    vector           bytea not null,                       -- little-endian float32, unit length
    primary key (competency_id, model, text_hash)
);
