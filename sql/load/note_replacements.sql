-- A note_id that arrives again with different content replaces the old row; record the change.
insert into note_replacements
select
    incoming.note_id,
    notes.content_hash as old_content_hash,
    incoming.content_hash as new_content_hash,
    notes.file_hash as old_file_hash,
    incoming.file_hash as new_file_hash,
    now() as replaced_at
from staged_notes as incoming
inner join notes using (note_id)
where notes.content_hash <> incoming.content_hash;
