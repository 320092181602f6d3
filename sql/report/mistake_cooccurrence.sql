-- How often two mistakes occur in the same note, over notes where both are known (all notes,
-- decided or not). Counted on the (at most 3^5) patterns of the five mistakes, not per note.
-- Contract: (feature_a, feature_b) unique.
with facts as (
    select generic, thanks_only, gift, prewritten, handed_on_exit
    from note_facts
),

patterns as (
    select
        *,
        count(*) as notes,
        row_number() over () as pattern_id
    from facts
    group by all
),

long as (
    unpivot patterns
    on generic, thanks_only, gift, prewritten, handed_on_exit
    into name feature value present
),

final as (
    select
        a.feature as feature_a,
        b.feature as feature_b,
        sum(a.notes)::bigint as notes_known,
        coalesce(sum(a.notes) filter (where a.present), 0)::bigint as with_a,
        coalesce(sum(a.notes) filter (where a.present and b.present), 0)::bigint as both_present
    from long as a
    inner join long as b using (pattern_id)
    group by a.feature, b.feature
)

select * from final
order by feature_a, feature_b
