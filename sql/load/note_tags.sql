-- Replace the tags and evidence of the notes in this chunk.
delete from tag_evidence where note_id in (select note_id from chunk_tags);
delete from note_tags where note_id in (select note_id from chunk_tags);
insert into note_tags by name select * from chunk_tags;
insert into tag_evidence by name select * from chunk_evidence;
