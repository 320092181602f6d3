-- One wide row per tagged note with its outcome. decided: the employer decided (callback or
-- rejected); pending, withdrawn and missing outcomes are undecided and never count as rejections.
create or replace view note_facts as
with tags as (
    select * from note_tags
),

notes_meta as (
    select note_id, interview_end, sent_at from notes
),

outcomes as (
    select * from interview_outcomes
),

final as (
    select
        tags.*,
        date_trunc('month', notes_meta.interview_end at time zone 'UTC')::date as interview_month,
        outcomes.outcome,
        coalesce(outcomes.decided, false) as decided,
        outcomes.callback
    from tags
    inner join notes_meta using (note_id)
    left join outcomes using (interview_id)
)

select * from final;
