"""The real pipeline flow, through a real Prefect server, on a small generated inbox."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.pipeline import PipelineResult, pipeline
from flows.sample_writer import SampleFiles, write_sample
from transforms.contract import FEATURES

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Run:
    sample: SampleFiles
    first: PipelineResult
    second: PipelineResult
    root: Path


@pytest.fixture(scope="module")
def run(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("e2e")
    sample = write_sample(root / "sample", n_notes=600, seed=11, n_batches=3)
    _plant_pii(sample.inbox / "notes_pii.jsonl")
    kwargs = {
        "inbox": sample.inbox,
        "warehouse": root / "warehouse.duckdb",
        "reports": root / "reports",
        "published": root / "published",
    }
    first = pipeline(**kwargs)
    second = pipeline(**kwargs)
    return Run(sample, first, second, root)


PLANTED_PII = (
    "jordan.alvarez@example.org",
    "(415) 555-0134",
    "https://linkedin.com/in/jordan-alvarez-42",
    "1842 Mulberry Street",
    "Alvarez",
    "Okonkwo",
)


def _plant_pii(path: Path) -> None:
    """Notes with PII that slipped through anonymization (DESIGN §3)."""
    text = (
        "Dear Ms. Okonkwo,\n\nThank you for the tour of the Denver depot and your point about "
        "the route planner. Reach me at jordan.alvarez@example.org or (415) 555-0134, or "
        "https://linkedin.com/in/jordan-alvarez-42. I live at 1842 Mulberry Street.\n\n"
        "Best,\nJordan Alvarez"
    )
    rows = [
        {
            "note_id": f"pii-{k}",
            "interview_id": f"pii-interview-{k}",
            "candidate_id": "pii-candidate",
            "interview_start": "2025-05-02T10:00:00Z",
            "interview_end": "2025-05-02T11:00:00Z",
            "sent_at": "2025-05-03T09:00:00Z",
            "channel": "email",
            "text": text,
        }
        for k in range(3)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def _sql(run: Run, query: str) -> list[tuple]:
    with duckdb.connect(str(run.first.published), read_only=True) as con:
        return con.execute(query).fetchall()


def test_every_row_read_is_loaded_or_quarantined(run: Run) -> None:
    rows = _sql(run, "select rows_read, rows_loaded, rows_quarantined from batch_accounting")
    assert len(rows) == len(run.sample.notes_files) + len(run.sample.outcomes_files) + 1
    assert all(read == loaded + quarantined for read, loaded, quarantined in rows)
    total_read = sum(r[0] for r in rows)
    assert total_read == run.sample.n_notes + run.sample.n_outcomes + 3


def test_notes_loaded_match_the_generator_minus_its_bad_rows(run: Run) -> None:
    bad = pl.read_parquet(run.sample.bad_rows)
    [(loaded,)] = _sql(run, "select count(*) from notes")
    assert loaded == run.sample.n_notes - bad.height + 3
    [(quarantined,)] = _sql(
        run, "select sum(rows_quarantined) from batch_accounting where kind = 'notes'"
    )
    assert quarantined == bad.height


def test_every_loaded_note_is_tagged_once_with_the_tagger_version(run: Run) -> None:
    [(tagged, notes, versions)] = _sql(
        run,
        "select count(*), (select count(*) from notes), count(distinct tagger_version) "
        "from note_tags",
    )
    assert tagged == notes and versions == 1


def test_tags_agree_with_the_generator_truth(run: Run) -> None:
    truth = pl.read_parquet(run.sample.labels).filter(pl.col("language") == "en")
    with duckdb.connect(str(run.first.published), read_only=True) as con:
        tags = con.sql("select * from note_tags").pl()
    joined = truth.join(tags, on="note_id", suffix="_tag")
    for feature in FEATURES:
        hits = joined.select(
            tp=(pl.col(feature) & pl.col(f"{feature}_tag")).sum(),
            wrong=(pl.col(feature) != pl.col(f"{feature}_tag")).sum(),
        ).row(0)
        f1 = 2 * hits[0] / (2 * hits[0] + hits[1])
        assert f1 >= 0.7, (feature, f1)


def test_latest_outcome_per_interview(run: Run) -> None:
    [(events, interviews, latest)] = _sql(
        run,
        "select count(*), count(distinct interview_id), "
        "(select count(*) from interview_outcomes) from outcome_events",
    )
    assert events > interviews  # the generator re-decides some interviews
    assert latest == interviews


def test_report_rates_equal_sql_on_the_warehouse(run: Run) -> None:
    table = pl.read_csv(run.first.report.parent / "tables" / "callback_by_feature.csv")
    for feature in ("generic", "gift", "prewritten"):
        for present in (True, False):
            row = table.filter((pl.col("feature") == feature) & (pl.col("present") == present))
            [(decided, callbacks)] = _sql(
                run,
                f"select count(*), count(*) filter (where callback) from note_facts "
                f"where decided and {feature} = {str(present).lower()}",
            )
            assert row["decided"].item() == decided
            assert row["callbacks"].item() == callbacks


def test_report_is_written_and_latest_points_to_it(run: Run) -> None:
    latest = run.root / "reports" / "latest.html"
    assert run.second.report.read_text() == latest.read_text()
    assert "callback" in latest.read_text().lower()


def test_a_rerun_on_the_same_inbox_loads_and_tags_nothing(run: Run) -> None:
    assert all(f.skipped for f in run.second.files)
    assert run.second.notes_tagged == 0
    [(runs,)] = _sql(run, "select count(*) from batch_accounting")
    assert runs == len(run.sample.notes_files) + len(run.sample.outcomes_files) + 1


def test_planted_pii_appears_nowhere_in_the_warehouse_or_reports(run: Run) -> None:
    files = [run.root / "warehouse.duckdb", run.first.published]
    files += [p for p in (run.root / "reports").rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        for secret in PLANTED_PII:
            assert secret.encode() not in data, (secret, path)
    # Storage compresses strings, so ask the database too.
    for secret in PLANTED_PII:
        [(hits,)] = _sql(run, f"select count(*) from notes where contains(text, '{secret}')")
        assert hits == 0, secret


def test_redactions_are_counted(run: Run) -> None:
    [(emails, names)] = _sql(
        run,
        "select sum(replacements) filter (where pii_type = 'email'), "
        "sum(notes_affected) filter (where pii_type = 'name') from redaction_counts",
    )
    assert emails >= 3 and names >= 3


def test_data_docs_are_written_next_to_the_report_and_linked(run: Run) -> None:
    report = run.first.report
    docs = report.parent / "data_docs" / "index.html"
    assert docs.exists()
    assert docs.resolve().as_uri() in report.read_text()


def test_notes_tagged_by_another_tagger_version_and_only_those_are_retagged(run: Run) -> None:
    from flows.tag import notes_to_tag
    from flows.warehouse import connect

    copy = run.root / "retag.duckdb"
    copy.write_bytes(run.first.warehouse.read_bytes())
    with connect(copy) as con:
        old = [r[0] for r in con.execute("select note_id from note_tags limit 7").fetchall()]
        con.execute(
            "update note_tags set tagger_version = 'rules-0+old' where list_contains(?, note_id)",
            [old],
        )
        [(version,)] = con.execute(
            "select distinct tagger_version from note_tags where tagger_version <> 'rules-0+old'"
        ).fetchall()
    assert sorted(notes_to_tag.fn(copy, version)) == sorted(old)


def test_the_published_copy_records_the_run_as_completed(run: Run) -> None:
    status = _sql(run, f"select status, report_path from runs where run_id = '{run.first.run_id}'")
    assert status == [("completed", str(run.first.report))]
