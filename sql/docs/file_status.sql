-- Documentation of view file_status, read by `followup dictionary`.
comment on view file_status is 'One row per input file: arrival, counts and status; refused or quarantined files are backfill candidates.';
comment on column file_status.file_name is 'Name of the input file when it was loaded.';
comment on column file_status.kind is 'notes or outcomes, from the file name.';
comment on column file_status.file_format is 'csv, jsonl or parquet; other for a batch file in a format the pipeline does not read (refused).';
comment on column file_status.arrived_at is 'When the file arrived in the inbox (its modification time, UTC).';
comment on column file_status.loaded_at is 'When the file was loaded into the warehouse.';
comment on column file_status.run_id is 'The pipeline or backfill run that loaded it.';
comment on column file_status.rows_read is 'Data rows read from the file.';
comment on column file_status.rows_loaded is 'Rows loaded into notes or outcome_events.';
comment on column file_status.rows_quarantined is 'Rows refused and written to quarantine; rows_read = rows_loaded + rows_quarantined.';
comment on column file_status.file_error is 'Why the whole file was refused; null if it was read.';
comment on column file_status.status is 'loaded, quarantined_rows or refused.';
comment on column file_status.file_hash is 'SHA-256 of the input file the row came from (batch_accounting.file_hash).';
