-- Callback rate among decided notes with and without each feature (mistakes and signals).
-- A null feature (text that could not be judged) is left out. Contract: (feature, present) unique.
create or replace view callback_rate_by_feature as
with facts as (
    select * from note_facts where decided
),

-- Counted per combination of the eight features first (a few thousand rows at most), so that the
-- unpivot handles combinations rather than eight rows per note.
combinations as (
    select
        generic, thanks_only, gift, prewritten, handed_on_exit,
        specific_reference, fit_argument, enthusiasm,
        count(*) as decided,
        count(*) filter (where callback) as callbacks
    from facts
    group by all
),

long as (
    unpivot combinations
    on generic, thanks_only, gift, prewritten, handed_on_exit,
        specific_reference, fit_argument, enthusiasm
    into name feature value present
),

final as (
    select
        feature,
        present,
        sum(decided)::bigint as decided,
        sum(callbacks)::bigint as callbacks,
        round(sum(callbacks) / sum(decided), 4) as callback_rate
    from long
    group by feature, present
)

select * from final;
