create or replace temp table incoming_outcomes as
select * from incoming_frame;
