-- Documentation of table outcome_events, read by `followup dictionary`.
comment on table outcome_events is 'Every outcome row as it arrived; interview_outcomes keeps the latest per interview.';
comment on column outcome_events.interview_id is 'The interview the note follows.';
comment on column outcome_events.outcome is 'callback, rejected, pending or withdrawn.';
comment on column outcome_events.decided_at is 'When the outcome was decided, if given.';
comment on column outcome_events.extra is 'Unknown extra input columns of the row, as JSON.';
comment on column outcome_events.arrival_seq is 'arrival_seq of the file; a later file supersedes an earlier one.';
comment on column outcome_events.row_number is '1-based data row in the input file (header is row 0).';
comment on column outcome_events.file_hash is 'SHA-256 of the input file the row came from (batch_accounting.file_hash).';
