-- Documentation of view callback_rate_by_month, read by `followup dictionary`.
comment on view callback_rate_by_month is 'Notes, decided notes and callback rate per interview month.';
comment on column callback_rate_by_month.interview_month is 'First day of the month in which the interview ended (UTC).';
comment on column callback_rate_by_month.notes is 'Number of notes.';
comment on column callback_rate_by_month.decided is 'Decided notes in the month.';
comment on column callback_rate_by_month.callbacks is 'Number of decided notes whose interview got a callback.';
comment on column callback_rate_by_month.callback_rate is 'callbacks / decided; null when nothing is decided.';
