-- Every input row that could not be loaded, with the reason. row_number is 1-based and counts data
-- rows (the header is row 0); it is null when the whole file was refused.
create table if not exists quarantine (
    file_hash   varchar not null,
    file_name   varchar not null,
    row_number  bigint,
    column_name varchar,
    rule        varchar not null,
    value       varchar,
    message     varchar not null
);
