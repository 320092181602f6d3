-- Notes without tags from the given tagger version ($1).
select notes.note_id
from notes
left join note_tags using (note_id)
where note_tags.note_id is null or note_tags.tagger_version <> $1
order by notes.note_id;
