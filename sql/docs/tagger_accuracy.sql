-- Documentation of table tagger_accuracy, read by `followup dictionary`.
comment on table tagger_accuracy is 'The tagger''s measured accuracy on the hand-labelled gold set, per version and feature.';
comment on column tagger_accuracy.tagger_version is 'Version of the tagger (rules and model) that produced the tags.';
comment on column tagger_accuracy.feature is 'The feature scored.';
comment on column tagger_accuracy.n_notes is 'Gold notes scored.';
comment on column tagger_accuracy.precision is 'tp / (tp + fp).';
comment on column tagger_accuracy.recall is 'tp / (tp + fn).';
comment on column tagger_accuracy.f1 is 'Harmonic mean of precision and recall.';
comment on column tagger_accuracy.tp is 'True positives.';
comment on column tagger_accuracy.fp is 'False positives.';
comment on column tagger_accuracy.fn is 'False negatives.';
comment on column tagger_accuracy.support is 'Gold notes with the feature present.';
comment on column tagger_accuracy.abstained is 'Gold notes the tagger could not judge (null).';
comment on column tagger_accuracy.evaluated_at is 'When the score was computed.';
