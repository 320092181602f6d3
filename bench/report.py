"""Time write_report on a synthetic warehouse built with DuckDB SQL (default: 1,000,000 notes).

    .venv/bin/python bench/report.py [--notes 1000000] [--keep DIR]

The warehouse is made with generate_series/random only (no project generator), using the real
DDL from sql/tables and sql/marts. Prints build time, report time and the HTML size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.report_io import write_report  # noqa: E402

FILL = """
insert into notes
select
    'n' || i, 'i' || i, 'c' || (i % {candidates}),
    end_at - interval 45 minute, end_at, end_at + to_seconds((hours * 3600)::bigint), channel,
    case when channel = 'in_person' then 'receptionist' end, null,
    ['engineering', 'sales', 'design', 'ops', 'finance'][1 + (i % 5)],
    ['intern', 'junior', 'mid', 'senior', 'lead', 'executive'][1 + (i % 6)],
    repeat('Thank you for the conversation about the roadmap and the team. ', 1 + (i % 9))
        || '<script>alert(1)</script> Best regards, [NAME]',
    null, md5(i::varchar), 'bench', i
from (
    select
        i,
        timestamptz '2025-01-01 09:00:00+00' + to_days((i % 420)::int) as end_at,
        random() * 120 as hours,
        ['email', 'email', 'letter', 'in_person', 'linkedin'][1 + floor(random() * 5)::int]
            as channel
    from generate_series(1, {n}) as t(i)
);

insert into note_tags
select
    note_id, interview_id, candidate_id, case when r < 0.02 then 'es' else 'en' end,
    case when r < 0.02 then null else random() < 0.35 end,
    case when r < 0.02 then null else random() < 0.30 end,
    case when r < 0.02 then null else random() < 0.05 end,
    random() < 0.10,
    channel = 'in_person' and random() < 0.5,
    case when r < 0.02 then null else random() < 0.40 end,
    case when r < 0.02 then null else random() < 0.40 end,
    case when r < 0.02 then null else random() < 0.50 end,
    h,
    case when h < 1 then '<1h' when h < 24 then '1–24h' when h < 72 then '1–3d' else '>3d' end,
    channel, handed_to, role_family, seniority, 'bench.v1'
from (
    select *, random() as r, epoch(sent_at - interview_end) / 3600 as h from notes
);

insert into outcome_events
select
    interview_id,
    case
        when u < 0.10 then 'pending'
        when u < 0.13 then 'withdrawn'
        when random() < 1 / (1 + exp(-(-0.4 - 0.7 * generic::int - 0.4 * thanks_only::int
            + 0.3 * gift::int - 0.5 * prewritten::int + 0.2 * handed_on_exit::int)))
            then 'callback'
        else 'rejected'
    end,
    null, null, 1, row_number() over (), 'bench'
from (select *, random() as u from note_tags where generic is not null)
where u < 0.95;

insert into tag_evidence
select note_id, 'generic', 'text', 'generic.v1', 0, 9, null, 'bench.v1'
from note_tags where generic
union all
select note_id, 'thanks_only', 'text', 'thanks_only.v1', 0, 5, null, 'bench.v1'
from note_tags where thanks_only
union all
select note_id, 'thanks_only', 'text', 'thanks_only.v1', 40, 48, null, 'bench.v1'
from note_tags where thanks_only
union all
select note_id, 'prewritten', 'text', 'prewritten.v1', 10, 22, null, 'bench.v1'
from note_tags where prewritten
union all
select note_id, 'enthusiasm', 'text', 'enthusiasm.v1', 30, 40, null, 'bench.v1'
from note_tags where enthusiasm
union all
select note_id, 'fit_argument', 'text', 'fit.v1', 50, 70, null, 'bench.v1'
from note_tags where fit_argument
union all
select note_id, 'gift', 'text', 'gift.v1', 20, 30, null, 'bench.v1'
from note_tags where gift
union all
select note_id, 'handed_on_exit', 'metadata', 'exit.meta', null, null, 'channel,handed_to',
    'bench.v1'
from note_tags where handed_on_exit;

insert into batch_accounting values
    ('bench', 'notes_bench.csv', 'notes', 'csv', 1, now(), now(), 'bench', {n} + 7, {n}, 7, null);
insert into quarantine
select 'bench', 'notes_bench.csv', i, 'channel', 'accepted_values', 'fax', 'bad channel'
from generate_series(1, 7) as t(i);
insert into redaction_counts values ('bench', 'email', 1200, 1100), ('bench', 'phone', 300, 290);
"""


def build_warehouse(path: Path, n: int) -> duckdb.DuckDBPyConnection:
    """A DuckDB file with the project's DDL and n synthetic notes, tags, outcomes, evidence."""
    con = duckdb.connect(str(path))
    for folder in ("tables", "marts"):
        for sql in sorted((ROOT / "sql" / folder).glob("*.sql")):
            con.execute(sql.read_text(encoding="utf-8"))
    con.execute("select setseed(0.42)")
    con.execute(FILL.format(n=n, candidates=max(1, int(n * 0.6))))
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1_000_000, help="number of notes")
    parser.add_argument("--keep", type=Path, help="write the warehouse and report here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        con = build_warehouse(where / "bench.duckdb", args.notes)
        built = time.perf_counter() - started
        started = time.perf_counter()
        html = write_report(con, where / "reports", "bench")
        took = time.perf_counter() - started
        print(f"notes: {args.notes:,}; warehouse built in {built:.1f} s")
        print(f"write_report: {took:.2f} s; report.html {html.stat().st_size / 1e6:.2f} MB")
        con.close()


if __name__ == "__main__":
    main()
