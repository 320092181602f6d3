-- Documentation of view callback_rate_by_mistake_count, read by `followup dictionary`.
comment on view callback_rate_by_mistake_count is 'Callback rate by how many of the five mistakes a note makes; notes with any unknown mistake are left out. The report reads this view.';
comment on column callback_rate_by_mistake_count.mistakes is 'Number of the five mistakes present, among notes where all five are known.';
comment on column callback_rate_by_mistake_count.notes is 'Number of notes (decided or not) with all five mistakes known.';
comment on column callback_rate_by_mistake_count.decided is 'Decided notes in the group.';
comment on column callback_rate_by_mistake_count.callbacks is 'Number of decided notes whose interview got a callback.';
comment on column callback_rate_by_mistake_count.callback_rate is 'callbacks / decided; null when nothing is decided.';
