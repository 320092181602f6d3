-- Every outcome row as it arrived; interview_outcomes keeps the latest one per interview.
create table if not exists outcome_events (
    interview_id varchar not null,
    outcome      varchar not null,
    decided_at   timestamptz,
    extra        json,
    arrival_seq  bigint not null,
    row_number   bigint not null,
    file_hash    varchar not null
);
