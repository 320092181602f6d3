-- How often two mistakes occur in the same note, over notes where both are known (all notes,
-- decided or not). Contract: (feature_a, feature_b) unique.
with facts as (
    select
        note_id, generic, thanks_only, gift, prewritten, handed_on_exit
    from note_facts
),

long as (
    unpivot facts
    on generic, thanks_only, gift, prewritten, handed_on_exit
    into name feature value present
),

final as (
    select
        a.feature as feature_a,
        b.feature as feature_b,
        count(*) as notes_known,
        count(*) filter (where a.present) as with_a,
        count(*) filter (where a.present and b.present) as both_present
    from long as a
    inner join long as b using (note_id)
    group by a.feature, b.feature
)

select * from final
order by feature_a, feature_b
