-- One row per input file: when it arrived, what it became, and whether it needs a backfill.
-- Contract: file_hash unique; status in (loaded, quarantined_rows, refused).
create or replace view file_status as
with files as (
    select * from batch_accounting
),

final as (
    select
        file_name,
        kind,
        file_format,
        arrived_at,
        loaded_at,
        run_id,
        rows_read,
        rows_loaded,
        rows_quarantined,
        file_error,
        case
            when file_error is not null then 'refused'
            when rows_quarantined > 0 then 'quarantined_rows'
            else 'loaded'
        end as status,
        file_hash
    from files
)

select * from final;
