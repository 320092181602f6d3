-- Callback rate by time from the end of the interview to the note; the median time to send is
-- over the decided notes, the ones the rate is computed on. The report reads this view.
-- Contract: send_bucket unique.
create or replace view callback_rate_by_send_bucket as
with facts as (
    select * from note_facts
),

final as (
    select
        send_bucket,
        count(*) as notes,
        count(*) filter (where decided) as decided,
        count(*) filter (where callback) as callbacks,
        round(count(*) filter (where callback) / nullif(count(*) filter (where decided), 0), 4)
            as callback_rate,
        median(hours_to_send) filter (where decided) as median_hours_to_send
    from facts
    group by send_bucket
)

select * from final;
