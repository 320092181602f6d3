-- Documentation of table tag_evidence, read by `followup dictionary`.
comment on table tag_evidence is 'Why each note got each tag: a span of the redacted text and the rule, or metadata.';
comment on column tag_evidence.note_id is 'Unique id of the note, as delivered.';
comment on column tag_evidence.feature is 'The feature the evidence supports.';
comment on column tag_evidence.source is 'text or metadata.';
comment on column tag_evidence.rule is 'The rule that fired.';
comment on column tag_evidence.span_start is 'Start character offset in notes.text (text evidence).';
comment on column tag_evidence.span_end is 'End character offset in notes.text, exclusive.';
comment on column tag_evidence.fields is 'Metadata fields that decided it (metadata evidence).';
comment on column tag_evidence.tagger_version is 'Version of the tagger (rules and model) that produced the tags.';
