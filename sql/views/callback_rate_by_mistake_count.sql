-- Callback rate by how many of the five mistakes a note makes. A note with any unknown (null)
-- mistake is left out: its count is unknown. The report reads this view.
-- Contract: mistakes unique, between 0 and 5.
create or replace view callback_rate_by_mistake_count as
with facts as (
    select * from note_facts
    where generic is not null and thanks_only is not null and gift is not null
        and prewritten is not null and handed_on_exit is not null
),

counted as (
    select
        decided,
        callback,
        generic::int + thanks_only::int + gift::int
        + prewritten::int + handed_on_exit::int as mistakes
    from facts
),

final as (
    select
        mistakes,
        count(*) as notes,
        count(*) filter (where decided) as decided,
        count(*) filter (where callback) as callbacks,
        round(count(*) filter (where callback) / nullif(count(*) filter (where decided), 0), 4)
            as callback_rate
    from counted
    group by mistakes
)

select * from final;
