-- Callback rate with and without each feature, decided notes only; a null feature (text that
-- could not be judged) is left out of that feature's comparison. Rates and intervals are added in
-- transforms.stats. Contract: (feature, present) unique; callbacks <= decided.
with facts as (
    select * from note_facts where decided
),

long as (
    unpivot facts
    on generic, thanks_only, gift, prewritten, handed_on_exit,
        specific_reference, fit_argument, enthusiasm
    into name feature value present
),

final as (
    select
        feature,
        present,
        count(*) as decided,
        count(*) filter (where callback) as callbacks
    from long
    group by feature, present
)

select * from final
order by feature, present desc
