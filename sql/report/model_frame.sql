-- Input of the adjusted model: decided notes with all five mistakes known, aggregated by
-- candidate and covariate pattern (enough for the fit and for candidate-clustered errors).
-- Contract: one row per (candidate_id, pattern); callbacks <= decided.
with facts as (
    select * from note_facts
    where decided
        and generic is not null and thanks_only is not null and gift is not null
        and prewritten is not null and handed_on_exit is not null
),

final as (
    select
        candidate_id,
        generic, thanks_only, gift, prewritten, handed_on_exit,
        role_family, seniority, channel, send_bucket,
        count(*) as decided,
        count(*) filter (where callback) as callbacks
    from facts
    group by all
)

select * from final
