-- The latest outcome per interview: a later row (by arrival, then row) supersedes an earlier one.
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
    select interview_id, outcome, decided_at
    from ranked
    where recency = 1
)

select * from final;
