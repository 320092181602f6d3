insert or replace into notes by name
select * exclude (_row), _row as row_number
from staged_notes;
