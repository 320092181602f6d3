-- Callback rate by how many of the five mistakes a note makes, decided notes only (the view of
-- the same name: notes with any unknown mistake are left out). Contract: mistakes unique, 0 to 5.
select mistakes, decided, callbacks
from callback_rate_by_mistake_count
where decided > 0
order by mistakes
