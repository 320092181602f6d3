-- Notes, decided notes and callback rate per interview month. Contract: interview_month unique.
create or replace view callback_rate_by_month as
with facts as (
    select * from note_facts
),

final as (
    select
        interview_month,
        count(*) as notes,
        count(*) filter (where decided) as decided,
        count(*) filter (where callback) as callbacks,
        round(count(*) filter (where callback) / nullif(count(*) filter (where decided), 0), 4)
            as callback_rate
    from facts
    group by interview_month
)

select * from final;
