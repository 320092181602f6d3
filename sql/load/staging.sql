-- Per-file staging: chunks land here first; the file's rows reach the tables only at its end.
create or replace temp table staged_notes as
select * exclude (row_number), 0::bigint as _row from notes limit 0;
create or replace temp table staged_note_ids (_row bigint, note_id varchar);
create or replace temp table staged_outcomes as
select * exclude (row_number), 0::bigint as _row from outcome_events limit 0;
create or replace temp table staged_quarantine as
select * from quarantine limit 0;
