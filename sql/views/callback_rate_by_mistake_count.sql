-- Callback rate by how many of the five mistakes a note makes (unknown counts as not made).
-- Contract: mistakes unique, between 0 and 5.
create or replace view callback_rate_by_mistake_count as
with facts as (
    select
        decided,
        callback,
        coalesce(generic, false)::int + coalesce(thanks_only, false)::int
        + coalesce(gift, false)::int + coalesce(prewritten, false)::int
        + coalesce(handed_on_exit, false)::int as mistakes
    from note_facts
),

final as (
    select
        mistakes,
        count(*) as notes,
        count(*) filter (where decided) as decided,
        count(*) filter (where callback) as callbacks,
        round(count(*) filter (where callback) / nullif(count(*) filter (where decided), 0), 4)
            as callback_rate
    from facts
    group by mistakes
)

select * from final;
