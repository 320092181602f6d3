-- Rows read, loaded and quarantined per input file (from the file_status view).
-- Contract: file_hash unique; rows_read = rows_loaded + rows_quarantined.
select file_name, kind, file_format, run_id, rows_read, rows_loaded, rows_quarantined, file_error
from file_status
order by file_name
