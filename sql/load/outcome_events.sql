insert into outcome_events by name
select * exclude (_row), _row as row_number
from staged_outcomes;
