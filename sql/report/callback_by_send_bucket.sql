-- Callback rate by time from the end of the interview to the note, decided notes only (the view
-- of the same name). Contract: send_bucket unique.
select send_bucket, decided, callbacks, median_hours_to_send as median_hours
from callback_rate_by_send_bucket
where decided > 0
order by send_bucket
