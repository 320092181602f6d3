-- How much PII the guard replaced, per file and type.
create table if not exists redaction_counts (
    file_hash    varchar not null,
    pii_type     varchar not null,
    replacements bigint not null,
    notes_affected bigint not null,
    primary key (file_hash, pii_type)
);
