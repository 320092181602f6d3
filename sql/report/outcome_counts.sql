-- Notes by outcome; only callback and rejected are decided, the rest are counted and excluded.
-- 'none' means no outcome has arrived yet. Contract: outcome unique.
with facts as (
    select * from note_facts
),

final as (
    select
        coalesce(outcome, 'none') as outcome,
        bool_or(decided) as decided,
        count(*) as notes
    from facts
    group by coalesce(outcome, 'none')
)

select * from final
order by decided desc, notes desc
