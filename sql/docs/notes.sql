-- Documentation of table notes, read by `followup dictionary`.
comment on table notes is 'Loaded notes, one row per note_id, text redacted.';
comment on column notes.note_id is 'Unique id of the note, as delivered.';
comment on column notes.interview_id is 'The interview the note follows.';
comment on column notes.candidate_id is 'Pseudonymous candidate id.';
comment on column notes.interview_start is 'When the interview started (UTC).';
comment on column notes.interview_end is 'When the interview ended (UTC).';
comment on column notes.sent_at is 'When the note reached the employer (UTC).';
comment on column notes.channel is 'How the note was sent: email, letter, in_person, linkedin or other.';
comment on column notes.handed_to is 'For in-person notes, who received it: interviewer, receptionist, recruiter or other.';
comment on column notes.enclosure is 'Anything sent with the note, e.g. fruit basket; null if nothing.';
comment on column notes.role_family is 'Role family of the job, e.g. engineering, sales.';
comment on column notes.seniority is 'Seniority of the job: intern, junior, mid, senior, lead or executive.';
comment on column notes.text is 'Note body after PII redaction (emails, phones, URLs, names replaced by placeholders).';
comment on column notes.extra is 'Unknown extra input columns of the row, as JSON.';
comment on column notes.content_hash is 'MD5 of the note''s contract fields; tells a re-delivered note from a changed one.';
comment on column notes.file_hash is 'SHA-256 of the input file the row came from (batch_accounting.file_hash).';
comment on column notes.row_number is '1-based data row in the input file (header is row 0).';
