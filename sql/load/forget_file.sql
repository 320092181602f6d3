-- Forget what one file ($1) put in the warehouse, before a backfill reloads it in the same
-- transaction. Notes of the file that the reload keeps ($2) stay, so their tags stay if unchanged;
-- the others lose their tags and evidence. Statements are run one by one (split on ';').
delete from tag_evidence where note_id in (
    select note_id from notes where file_hash = $1 and not list_contains($2::varchar[], note_id)
);
delete from note_tags where note_id in (
    select note_id from notes where file_hash = $1 and not list_contains($2::varchar[], note_id)
);
delete from notes where file_hash = $1 and not list_contains($2::varchar[], note_id);
delete from outcome_events where file_hash = $1;
delete from quarantine where file_hash = $1;
delete from redaction_counts where file_hash = $1;
delete from batch_accounting where file_hash = $1;
