-- Documentation of view callback_rate_by_mistake_count, read by `followup dictionary`.
comment on view callback_rate_by_mistake_count is 'Callback rate by how many of the five mistakes a note makes.';
comment on column callback_rate_by_mistake_count.mistakes is 'Number of the five mistakes present (unknown counts as absent).';
comment on column callback_rate_by_mistake_count.notes is 'Number of notes.';
comment on column callback_rate_by_mistake_count.decided is 'Decided notes in the group.';
comment on column callback_rate_by_mistake_count.callbacks is 'Number of decided notes whose interview got a callback.';
comment on column callback_rate_by_mistake_count.callback_rate is 'callbacks / decided; null when nothing is decided.';
