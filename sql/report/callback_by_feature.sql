-- Callback rate with and without each feature, decided notes only (the view of the same name,
-- without its rounded rate: rates and intervals are added in transforms.stats).
-- Contract: (feature, present) unique; callbacks <= decided.
select feature, present, decided, callbacks
from callback_rate_by_feature
order by feature, present desc
