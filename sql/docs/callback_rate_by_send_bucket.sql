-- Documentation of view callback_rate_by_send_bucket, read by `followup dictionary`.
comment on view callback_rate_by_send_bucket is 'Callback rate by time from the end of the interview to the note. The report reads this view.';
comment on column callback_rate_by_send_bucket.send_bucket is 'hours_to_send bucketed: <1h, 1–24h, 1–3d, >3d.';
comment on column callback_rate_by_send_bucket.notes is 'Number of notes.';
comment on column callback_rate_by_send_bucket.decided is 'Decided notes in the bucket.';
comment on column callback_rate_by_send_bucket.callbacks is 'Number of decided notes whose interview got a callback.';
comment on column callback_rate_by_send_bucket.callback_rate is 'callbacks / decided; null when nothing is decided.';
comment on column callback_rate_by_send_bucket.median_hours_to_send is 'Median hours_to_send of the decided notes in the bucket (those the rate is computed on).';
