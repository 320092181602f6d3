"""Backfills: which files a range and mode select, reload = clean load, a repeat changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from flows.backfill import Recorded, backfill, plan_backfill
from flows.inbox import InboxFile
from flows.sample_writer import write_sample

TODAY = datetime.now(UTC).date()
DUMP = {
    "batch_accounting": "select * exclude (loaded_at, run_id) from batch_accounting",
    "notes": "select * from notes",
    "note_tags": "select * from note_tags",
    "tag_evidence": "select * from tag_evidence",
    "outcome_events": "select * from outcome_events",
    "quarantine": "select * from quarantine",
    "redaction_counts": "select * from redaction_counts",
}


def _file(tmp_path: Path, name: str) -> InboxFile:
    path = tmp_path / name
    path.write_text("x")
    return InboxFile(path, "notes", "csv")


@pytest.mark.parametrize(
    ("mode", "expected_load", "expected_reload"),
    [
        ("missing", ["notes_new.csv"], []),
        ("failed", [], ["notes_bad.csv"]),
        ("all", ["notes_new.csv"], ["notes_bad.csv", "notes_ok.csv"]),
    ],
)
def test_plan_selects_files_by_mode(
    tmp_path: Path, mode: str, expected_load: list[str], expected_reload: list[str]
) -> None:
    files = [(_file(tmp_path, n), n) for n in ("notes_new.csv", "notes_bad.csv", "notes_ok.csv")]
    arrived = datetime.now(UTC)
    recorded = {"notes_bad.csv": Recorded(arrived, True), "notes_ok.csv": Recorded(arrived, False)}
    plan = plan_backfill(files, recorded, TODAY, TODAY, mode)
    assert [f.path.name for f in plan.load] == expected_load
    assert sorted(f.path.name for f, _ in plan.reload) == expected_reload


def test_plan_uses_the_recorded_arrival_date_not_the_file_time(tmp_path: Path) -> None:
    files = [(_file(tmp_path, "notes_old.csv"), "h")]
    last_year = datetime.now(UTC) - timedelta(days=365)
    plan = plan_backfill(files, {"h": Recorded(last_year, True)}, TODAY, TODAY, "all")
    assert plan.reload == [] and plan.load == []


def _dump(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: sorted(con.execute(q).fetchall(), key=repr) for t, q in DUMP.items()}


@pytest.fixture(scope="module")
def loaded(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("backfill")
    sample = write_sample(root / "sample", n_notes=90, seed=13, n_batches=1)
    paths = {
        "inbox_dir": sample.inbox,
        "warehouse": root / "warehouse.duckdb",
        "reports": root / "reports",
        "published": root / "published",
    }
    backfill(TODAY, TODAY, "missing", **paths)
    return paths


def test_a_range_before_arrival_selects_nothing(loaded: dict[str, Path]) -> None:
    before = _dump(loaded["warehouse"])
    result = backfill(date(2001, 1, 1), date(2001, 12, 31), "all", **loaded)
    assert not result.changed and _dump(loaded["warehouse"]) == before


@pytest.mark.parametrize("mode", ["missing", "failed", "all"])
def test_a_second_identical_backfill_changes_nothing(loaded: dict[str, Path], mode: str) -> None:
    before = _dump(loaded["warehouse"])
    result = backfill(TODAY, TODAY, mode, **loaded)
    assert not result.changed
    assert _dump(loaded["warehouse"]) == before


def test_reloading_a_failed_file_gives_the_state_of_a_clean_load(loaded: dict[str, Path]) -> None:
    clean = _dump(loaded["warehouse"])
    # Pretend an earlier, stricter validation quarantined three notes of a file.
    with duckdb.connect(str(loaded["warehouse"])) as con:
        [(file_hash, file_name)] = con.execute(
            "select file_hash, file_name from batch_accounting where kind = 'notes' limit 1"
        ).fetchall()
        dropped = "(select note_id from notes where file_hash = $1 order by note_id limit 3)"
        con.execute(f"delete from tag_evidence where note_id in {dropped}", [file_hash])
        con.execute(f"delete from note_tags where note_id in {dropped}", [file_hash])
        con.execute(f"delete from notes where note_id in {dropped}", [file_hash])
        con.execute(
            "update batch_accounting set rows_loaded = rows_loaded - 3, "
            "rows_quarantined = rows_quarantined + 3 where file_hash = $1",
            [file_hash],
        )
        con.execute(
            "insert into quarantine values ($1, $2, 1, 'text', 'old_rule', null, 'old')",
            [file_hash, file_name],
        )
    result = backfill(TODAY, TODAY, "failed", **loaded)
    assert [f.file_name for f in result.reloaded] == [file_name]
    assert result.notes_tagged == 3
    assert _dump(loaded["warehouse"]) == clean
