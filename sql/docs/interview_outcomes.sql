-- Documentation of view interview_outcomes, read by `followup dictionary`.
comment on view interview_outcomes is 'The latest outcome per interview (by file arrival, then row).';
comment on column interview_outcomes.interview_id is 'The interview the note follows.';
comment on column interview_outcomes.outcome is 'Latest outcome of the interview: callback, rejected, pending, withdrawn; null if none.';
comment on column interview_outcomes.decided_at is 'When the outcome was decided, if given.';
comment on column interview_outcomes.decided is 'True when the latest outcome is a decision (callback or rejected).';
comment on column interview_outcomes.callback is 'True for a callback, false for a rejection, null while undecided.';
