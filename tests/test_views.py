"""The researcher views give the numbers the report shows: one definition serves both."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from flows.report_io import read_report_tables
from flows.warehouse import apply_schema

# note_id, hours_to_send, send_bucket, gift (None: unknown), outcome (None: no outcome yet)
NOTES = [
    ("n1", 2.0, "1–24h", True, "callback"),
    ("n2", 4.0, "1–24h", False, "rejected"),
    ("n3", 20.0, "1–24h", None, "callback"),
    ("n4", 30.0, "1–24h", False, None),
]


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect() as con:
        apply_schema(con)
        for note_id, hours, bucket, gift, outcome in NOTES:
            con.execute(
                "insert into notes (note_id, interview_id, candidate_id, interview_start, "
                "interview_end, sent_at, channel, text, content_hash, file_hash, row_number) "
                "values (?, ?, 'c', now(), now(), now(), 'email', 'Thanks', 'h', 'f', 1)",
                [note_id, f"i-{note_id}"],
            )
            con.execute(
                "insert into note_tags (note_id, interview_id, candidate_id, language, generic, "
                "thanks_only, gift, prewritten, handed_on_exit, hours_to_send, send_bucket, "
                "channel, tagger_version) "
                "values (?, ?, 'c', 'en', false, false, ?, false, false, ?, ?, 'email', 'v')",
                [note_id, f"i-{note_id}", gift, hours, bucket],
            )
            if outcome:
                con.execute(
                    "insert into outcome_events values (?, ?, null, null, 1, 1, 'o')",
                    [f"i-{note_id}", outcome],
                )
        yield con


def test_mistake_count_view_leaves_out_notes_with_an_unknown_mistake(
    con: duckdb.DuckDBPyConnection,
) -> None:
    rows = con.execute(
        "select mistakes, notes, decided, callbacks from callback_rate_by_mistake_count "
        "order by mistakes"
    ).fetchall()
    assert rows == [(0, 2, 1, 0), (1, 1, 1, 1)]


def test_send_bucket_median_is_over_the_decided_notes(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select notes, decided, median_hours_to_send from callback_rate_by_send_bucket"
    ).fetchall()
    assert rows == [(4, 3, 4.0)]


@pytest.mark.parametrize(
    ("view", "report_table", "key"),
    [
        ("callback_rate_by_mistake_count", "callback_by_mistake_count", "mistakes"),
        ("callback_rate_by_send_bucket", "callback_by_send_bucket", "send_bucket"),
    ],
)
def test_report_table_has_the_views_counts(
    con: duckdb.DuckDBPyConnection, view: str, report_table: str, key: str
) -> None:
    report = read_report_tables(con)[report_table]
    viewed = con.execute(
        f"select {key}, decided, callbacks from {view} where decided > 0 order by {key}"
    ).fetchall()
    assert report.select(key, "decided", "callbacks").rows() == viewed
