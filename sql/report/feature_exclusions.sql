-- Per feature, the notes whose value is null (text not judged, e.g. non-English) and therefore
-- left out of that feature's comparison. Contract: feature unique.
with facts as (
    select * from note_facts
),

long as (
    from facts
    unpivot include nulls (
        present for feature in (
            generic, thanks_only, gift, prewritten, handed_on_exit,
            specific_reference, fit_argument, enthusiasm
        )
    )
),

final as (
    select
        feature,
        count(*) filter (where present is null) as notes_null,
        count(*) filter (where present is null and decided) as decided_null
    from long
    group by feature
)

select * from final
order by feature
