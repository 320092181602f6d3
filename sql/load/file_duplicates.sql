-- Notes whose note_id occurs more than once in the file, in any chunk: every copy is quarantined.
with repeated as (
    select note_id, count(*) as copies
    from staged_note_ids
    group by note_id
    having count(*) > 1
),

final as (
    select staged_notes._row as row_number, staged_notes.note_id, repeated.copies
    from staged_notes
    inner join repeated using (note_id)
)

select * from final;
