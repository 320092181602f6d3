-- Callback rate among decided notes with and without each feature (mistakes and signals).
-- A null feature (text that could not be judged) is left out. Contract: (feature, present) unique.
create or replace view callback_rate_by_feature as
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
        count(*) filter (where callback) as callbacks,
        round(count(*) filter (where callback) / count(*), 4) as callback_rate
    from long
    group by feature, present
)

select * from final;
