-- Why each note got each tag: a span of the redacted text and the rule, or the metadata fields.
create table if not exists tag_evidence (
    note_id        varchar not null,
    feature        varchar not null,
    source         varchar not null check (source in ('text', 'metadata')),
    rule           varchar not null,
    span_start     integer,
    span_end       integer,
    fields         varchar,
    tagger_version varchar not null
);
