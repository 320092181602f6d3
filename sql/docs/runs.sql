-- Documentation of table runs, read by `followup dictionary`.
comment on table runs is 'One row per pipeline or backfill run.';
comment on column runs.run_id is 'UTC start time plus the Prefect flow run id.';
comment on column runs.started_at is 'When the run started.';
comment on column runs.finished_at is 'When it finished; null while running.';
comment on column runs.status is 'running, completed or failed.';
comment on column runs.files_new is 'Input files loaded by the run.';
comment on column runs.notes_tagged is 'Notes tagged by the run.';
comment on column runs.report_path is 'The HTML report the run wrote.';
