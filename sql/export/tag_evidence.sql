-- The tag_evidence export, one file per input file of the tagged notes (_part: their file_hash).
with notes_loaded as (
    select note_id, file_hash from notes
)

select tag_evidence.*, coalesce(notes_loaded.file_hash, 'unmatched') as _part
from tag_evidence
left join notes_loaded using (note_id)
