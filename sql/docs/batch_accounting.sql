-- Documentation of table batch_accounting, read by `followup dictionary`.
comment on table batch_accounting is 'One row per input file, keyed by content hash: what was read, loaded and quarantined.';
comment on column batch_accounting.file_hash is 'SHA-256 of the input file the row came from (batch_accounting.file_hash).';
comment on column batch_accounting.file_name is 'Name of the input file when it was loaded.';
comment on column batch_accounting.kind is 'notes or outcomes, from the file name.';
comment on column batch_accounting.file_format is 'csv, jsonl or parquet; other for a batch file in a format the pipeline does not read (refused).';
comment on column batch_accounting.arrival_seq is 'Order in which files were loaded; a later outcome row supersedes an earlier one.';
comment on column batch_accounting.arrived_at is 'When the file arrived in the inbox (its modification time, UTC).';
comment on column batch_accounting.loaded_at is 'When the file was loaded into the warehouse.';
comment on column batch_accounting.run_id is 'The pipeline or backfill run that loaded it.';
comment on column batch_accounting.rows_read is 'Data rows read from the file.';
comment on column batch_accounting.rows_loaded is 'Rows loaded into notes or outcome_events.';
comment on column batch_accounting.rows_quarantined is 'Rows refused and written to quarantine; rows_read = rows_loaded + rows_quarantined.';
comment on column batch_accounting.file_error is 'Why the whole file was refused; null if it was read.';
