-- Which version of sql/ built this warehouse's tables, views and comments (one row).
create table if not exists schema_version (
    version    varchar not null,
    applied_at timestamptz not null
);
