-- Forget what one file ($1) put in the warehouse, before a backfill reloads it in the same
-- transaction. Notes of the file that the reload stages again keep their tags (the content hash
-- decides later whether they changed); the others lose their tags and evidence.
delete from tag_evidence where note_id in (
    select note_id from notes
    where file_hash = $1 and note_id not in (select note_id from staged_notes)
);
delete from note_tags where note_id in (
    select note_id from notes
    where file_hash = $1 and note_id not in (select note_id from staged_notes)
);
delete from notes
where file_hash = $1 and note_id not in (select note_id from staged_notes);
delete from outcome_events where file_hash = $1;
delete from quarantine where file_hash = $1;
delete from redaction_counts where file_hash = $1;
delete from batch_accounting where file_hash = $1;
