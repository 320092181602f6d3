-- Staged notes that a file which arrived later ($1 = this file's arrival_seq) has replaced since:
-- a reload during a backfill must not undo that.
delete from staged_notes where note_id in (
    select notes.note_id
    from notes
    inner join batch_accounting using (file_hash)
    where batch_accounting.arrival_seq > $1
);
