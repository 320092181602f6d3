-- Documentation of table redaction_counts, read by `followup dictionary`.
comment on table redaction_counts is 'How much PII the guard replaced, per file and PII type.';
comment on column redaction_counts.file_hash is 'SHA-256 of the input file the row came from (batch_accounting.file_hash).';
comment on column redaction_counts.pii_type is 'email, phone, url or name.';
comment on column redaction_counts.replacements is 'Number of replacements in the file.';
comment on column redaction_counts.notes_affected is 'Number of notes with at least one replacement.';
