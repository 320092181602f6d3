-- Loaded notes, one row per note_id; text is stored only after PII redaction.
create table if not exists notes (
    note_id         varchar primary key,
    interview_id    varchar not null,
    candidate_id    varchar not null,
    interview_start timestamptz not null,
    interview_end   timestamptz not null,
    sent_at         timestamptz not null,
    channel         varchar not null,
    handed_to       varchar,
    enclosure       varchar,
    role_family     varchar,
    seniority       varchar,
    text            varchar not null,
    extra           json,
    content_hash    varchar not null,
    file_hash       varchar not null,
    row_number      bigint not null
);
