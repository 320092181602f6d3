-- Callback rate by time from the end of the interview to the note (decided notes only).
-- Contract: send_bucket unique.
with facts as (
    select * from note_facts where decided
),

final as (
    select
        send_bucket,
        count(*) as decided,
        count(*) filter (where callback) as callbacks,
        median(hours_to_send) as median_hours
    from facts
    group by send_bucket
)

select * from final
order by send_bucket
