-- Documentation of table quarantine, read by `followup dictionary`.
comment on table quarantine is 'Every input row that could not be loaded, with the rule it broke.';
comment on column quarantine.file_hash is 'SHA-256 of the input file the row came from (batch_accounting.file_hash).';
comment on column quarantine.file_name is 'Name of the input file when it was loaded.';
comment on column quarantine.row_number is '1-based data row in the file; null when the whole file was refused.';
comment on column quarantine.column_name is 'The column that broke the rule, if one did.';
comment on column quarantine.rule is 'The rule that refused the row, e.g. missing_required_column, bad_timestamp.';
comment on column quarantine.value is 'The offending value as text, if any.';
comment on column quarantine.message is 'Human-readable reason.';
