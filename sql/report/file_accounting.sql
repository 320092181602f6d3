-- Rows read, loaded and quarantined per input file, in arrival order.
-- Contract: file_hash unique; rows_read = rows_loaded + rows_quarantined.
with batches as (
    select * from batch_accounting
),

final as (
    select
        file_name,
        kind,
        file_format,
        run_id,
        rows_read,
        rows_loaded,
        rows_quarantined,
        file_error
    from batches
)

select * from final
order by file_name
