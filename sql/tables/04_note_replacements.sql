-- A note_id that arrived again with different content replaced the earlier row.
create table if not exists note_replacements (
    note_id           varchar not null,
    old_content_hash  varchar not null,
    new_content_hash  varchar not null,
    old_file_hash     varchar not null,
    new_file_hash     varchar not null,
    replaced_at       timestamptz not null
);
