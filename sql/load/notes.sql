insert or replace into notes by name
select * exclude (_row), _row as row_number
from incoming_notes;
