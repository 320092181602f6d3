-- A chunk of notes with a content hash, so a re-delivered note_id can be told apart from a changed
-- one.
insert into staged_notes by name
with incoming as (
    select * from chunk_frame
),

final as (
    select
        *,
        md5(concat_ws(
            chr(31),
            note_id, interview_id, candidate_id,
            strftime(interview_start, '%Y-%m-%dT%H:%M:%S.%f'),
            strftime(interview_end, '%Y-%m-%dT%H:%M:%S.%f'),
            strftime(sent_at, '%Y-%m-%dT%H:%M:%S.%f'),
            channel, coalesce(handed_to, '∅'), coalesce(enclosure, '∅'),
            coalesce(role_family, '∅'), coalesce(seniority, '∅'), text
        )) as content_hash
    from incoming
)

select * from final;
