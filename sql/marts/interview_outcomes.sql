-- The latest outcome per interview: a later row (by arrival, then row) supersedes an earlier one.
-- decided: the employer decided (callback or rejected); pending and withdrawn are undecided.
create or replace view interview_outcomes as
with events as (
    select * from outcome_events
),

ranked as (
    select
        interview_id,
        outcome,
        decided_at,
        row_number() over (
            partition by interview_id order by arrival_seq desc, row_number desc
        ) as recency
    from events
),

final as (
    select
        interview_id,
        outcome,
        decided_at,
        outcome in ('callback', 'rejected') as decided,
        case
            when outcome = 'callback' then true
            when outcome = 'rejected' then false
        end as callback
    from ranked
    where recency = 1
)

select * from final;
