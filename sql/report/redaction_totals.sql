-- PII the guard replaced before storing text, per type. Contract: pii_type unique.
with counts as (
    select * from redaction_counts
),

final as (
    select
        pii_type,
        sum(replacements)::bigint as replacements,
        sum(notes_affected)::bigint as notes_affected
    from counts
    group by pii_type
)

select * from final
order by replacements desc, pii_type
