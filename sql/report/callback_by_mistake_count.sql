-- Callback rate by how many of the five mistakes a note makes; notes with any null mistake are
-- left out (their count is unknown). Contract: mistakes unique, between 0 and 5.
with facts as (
    select * from note_facts
    where decided
        and generic is not null and thanks_only is not null and gift is not null
        and prewritten is not null and handed_on_exit is not null
),

counted as (
    select
        generic::int + thanks_only::int + gift::int
        + prewritten::int + handed_on_exit::int as mistakes,
        callback
    from facts
),

final as (
    select
        mistakes,
        count(*) as decided,
        count(*) filter (where callback) as callbacks
    from counted
    group by mistakes
)

select * from final
order by mistakes
