-- The tagger's measured accuracy on the hand-labelled gold set, per version and feature.
create table if not exists tagger_accuracy (
    tagger_version varchar not null,
    feature        varchar not null,
    n_notes        integer not null,
    precision      double not null,
    recall         double not null,
    f1             double not null,
    tp             integer not null,
    fp             integer not null,
    fn             integer not null,
    support        integer not null,
    abstained      integer not null,
    evaluated_at   timestamptz not null,
    primary key (tagger_version, feature)
);
