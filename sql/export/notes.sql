-- The notes export, one file per input file (_part: the file_hash the notes were loaded from).
select *, file_hash as _part
from notes
