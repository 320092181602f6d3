-- The note_tags export, one file per input file of the tagged notes (_part: their file_hash).
with notes_loaded as (
    select note_id, file_hash from notes
)

select note_tags.*, coalesce(notes_loaded.file_hash, 'unmatched') as _part
from note_tags
left join notes_loaded using (note_id)
