-- Documentation of table schema_version, read by `followup dictionary`.
comment on table schema_version is 'The version of the DDL in sql/ that built this warehouse (one row); a connection re-applies the DDL only when sql/ has changed.';
comment on column schema_version.version is 'SHA-256 over the names and text of the DDL files in sql/tables, marts, views and docs.';
comment on column schema_version.applied_at is 'When that DDL was applied.';
