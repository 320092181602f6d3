-- Replaced notes lose their tags, so the tag stage tags the new content.
delete from tag_evidence where note_id in (
    select incoming.note_id from staged_notes as incoming
    inner join notes using (note_id) where notes.content_hash <> incoming.content_hash
);
delete from note_tags where note_id in (
    select incoming.note_id from staged_notes as incoming
    inner join notes using (note_id) where notes.content_hash <> incoming.content_hash
);
