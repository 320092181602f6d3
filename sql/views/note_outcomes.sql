-- One wide row per loaded note: its redacted text, timing, tags (null until tagged) and outcome.
-- Contract: note_id unique; callback is null unless the outcome is callback or rejected.
create or replace view note_outcomes as
with notes_loaded as (
    select note_id, interview_id, candidate_id, interview_start, interview_end, sent_at,
        channel, handed_to, enclosure, role_family, seniority, text, file_hash
    from notes
),

tags as (
    select note_id, language, generic, thanks_only, gift, prewritten, handed_on_exit,
        specific_reference, fit_argument, enthusiasm, hours_to_send, send_bucket, tagger_version
    from note_tags
),

outcomes as (
    select * from interview_outcomes
),

final as (
    select
        notes_loaded.*,
        tags.* exclude (note_id),
        outcomes.outcome,
        outcomes.decided_at,
        coalesce(outcomes.decided, false) as decided,
        outcomes.callback
    from notes_loaded
    left join tags using (note_id)
    left join outcomes using (interview_id)
)

select * from final;
