-- One row per pipeline run.
create table if not exists runs (
    run_id      varchar primary key,
    started_at  timestamptz not null,
    finished_at timestamptz,
    status      varchar not null,
    files_new   integer,
    notes_tagged bigint,
    report_path varchar
);
