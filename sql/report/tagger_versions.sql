-- Which tagger versions produced the tags in this report, and the languages seen.
-- Contract: (tagger_version, language) unique.
with facts as (
    select * from note_facts
),

final as (
    select
        tagger_version,
        language,
        count(*) as notes
    from facts
    group by tagger_version, language
)

select * from final
order by tagger_version, notes desc
