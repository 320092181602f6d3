-- Documentation of table note_replacements, read by `followup dictionary`.
comment on table note_replacements is 'A note_id that arrived again with different content, and what it replaced.';
comment on column note_replacements.note_id is 'Unique id of the note, as delivered.';
comment on column note_replacements.old_content_hash is 'content_hash of the replaced row.';
comment on column note_replacements.new_content_hash is 'content_hash of the new row.';
comment on column note_replacements.old_file_hash is 'File the replaced row came from.';
comment on column note_replacements.new_file_hash is 'File the new row came from.';
comment on column note_replacements.replaced_at is 'When the replacement was loaded.';
