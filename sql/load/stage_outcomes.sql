insert into staged_outcomes by name
select * from chunk_frame;
