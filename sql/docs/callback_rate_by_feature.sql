-- Documentation of view callback_rate_by_feature, read by `followup dictionary`.
comment on view callback_rate_by_feature is 'Callback rate among decided notes with and without each feature.';
comment on column callback_rate_by_feature.feature is 'One of the five mistakes or three signals.';
comment on column callback_rate_by_feature.present is 'Whether the note has the feature.';
comment on column callback_rate_by_feature.decided is 'Decided notes in the group.';
comment on column callback_rate_by_feature.callbacks is 'Number of decided notes whose interview got a callback.';
comment on column callback_rate_by_feature.callback_rate is 'callbacks / decided; null when nothing is decided.';
