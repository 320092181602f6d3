-- The note_outcomes export, one file per input file of the notes (_part: their file_hash). A new
-- outcome changes the files of the notes it concerns.
select *, file_hash as _part
from note_outcomes
