-- One row per tagged note: the eight features, timing and covariates. A null feature means the
-- text could not be judged (non-English) and no metadata decided it.
create table if not exists note_tags (
    note_id            varchar primary key,
    interview_id       varchar not null,
    candidate_id       varchar not null,
    language           varchar not null,
    generic            boolean,
    thanks_only        boolean,
    gift               boolean,
    prewritten         boolean,
    handed_on_exit     boolean,
    specific_reference boolean,
    fit_argument       boolean,
    enthusiasm         boolean,
    hours_to_send      double not null,
    send_bucket        varchar not null,
    channel            varchar not null,
    handed_to          varchar,
    role_family        varchar,
    seniority          varchar,
    tagger_version     varchar not null
);
