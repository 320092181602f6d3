-- One row per input file, keyed by content hash: a file is loaded once, whatever its name.
-- Contract: file_hash unique; rows_read = rows_loaded + rows_quarantined.
create table if not exists batch_accounting (
    file_hash        varchar primary key,
    file_name        varchar not null,
    kind             varchar not null check (kind in ('notes', 'outcomes')),
    file_format      varchar not null,
    arrival_seq      bigint not null,
    arrived_at       timestamptz not null,
    loaded_at        timestamptz not null,
    run_id           varchar not null,
    rows_read        bigint not null,
    rows_loaded      bigint not null,
    rows_quarantined bigint not null,
    file_error       varchar,
    check (rows_read = rows_loaded + rows_quarantined)
);
