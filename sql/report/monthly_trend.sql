-- Per interview month and mistake: how common it is, and the callback rate with and without it.
-- Contract: (interview_month, feature) unique.
with facts as (
    select
        interview_month, decided, callback,
        generic, thanks_only, gift, prewritten, handed_on_exit
    from note_facts
),

long as (
    unpivot facts
    on generic, thanks_only, gift, prewritten, handed_on_exit
    into name feature value present
),

final as (
    select
        interview_month,
        feature,
        count(*) as notes_known,
        count(*) filter (where present) as notes_present,
        count(*) filter (where present and decided) as decided_with,
        count(*) filter (where present and callback) as callbacks_with,
        count(*) filter (where not present and decided) as decided_without,
        count(*) filter (where not present and callback) as callbacks_without
    from long
    group by interview_month, feature
)

select * from final
order by interview_month, feature
