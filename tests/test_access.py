"""Researcher access: published copy, Parquet exports, views, comments, `followup sql`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from flows.access import EXPORTS, data_dictionary
from flows.cli import app
from flows.pipeline import PipelineResult, pipeline
from flows.sample_writer import write_sample
from flows.settings import PROJECT_ROOT
from flows.warehouse import apply_schema

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def run(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> PipelineResult:
    root = tmp_path_factory.mktemp("access")
    sample = write_sample(root / "sample", n_notes=200, seed=5, n_batches=2)
    return pipeline(
        inbox=sample.inbox,
        warehouse=root / "warehouse.duckdb",
        reports=root / "reports",
        published=root / "published",
    )


def _published(run: PipelineResult, query: str) -> list[tuple]:
    with duckdb.connect(str(run.published), read_only=True) as con:
        return con.execute(query).fetchall()


def test_every_table_view_and_column_has_a_comment() -> None:
    with duckdb.connect() as con:
        apply_schema(con)
        bare = con.execute(
            "select table_name from duckdb_tables() where not internal and comment is null "
            "union all select view_name from duckdb_views() where not internal and comment is null "
            "union all select table_name || '.' || column_name from duckdb_columns() "
            "where not internal and coalesce(comment, '') = ''"
        ).fetchall()
    assert bare == []


def test_data_dictionary_page_is_generated_from_the_current_comments() -> None:
    assert (PROJECT_ROOT / "docs" / "data_dictionary.md").read_text() == data_dictionary()


def _duckdb_cli() -> str:
    found = shutil.which("duckdb") or str(Path(sys.prefix) / "bin" / "duckdb")
    if not Path(found).exists():
        pytest.skip("duckdb-cli is not installed")
    return found


def test_published_copy_opens_in_the_duckdb_cli_from_pypi(run: PipelineResult) -> None:
    [(tagged,)] = _published(run, "select count(*) from note_tags")
    out = subprocess.run(
        [
            _duckdb_cli(),
            "-readonly",
            "-csv",
            str(run.published),
            "-c",
            "select count(*) as n from note_tags",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert tagged > 0
    assert out.split() == ["n", str(tagged)]


def test_views_open_in_the_duckdb_cli(run: PipelineResult) -> None:
    out = subprocess.run(
        [
            _duckdb_cli(),
            "-readonly",
            "-csv",
            str(run.published),
            "-c",
            "select sum(decided) from callback_rate_by_feature where feature = 'gift'",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    [(decided,)] = _published(
        run, "select count(*) from note_facts where decided and gift is not null"
    )
    assert out.split()[-1] == str(decided)


@pytest.mark.parametrize("table", EXPORTS)
def test_parquet_export_has_the_published_rows(run: PipelineResult, table: str) -> None:
    exported = pl.read_parquet(run.published.parent / "parquet" / f"{table}.parquet")
    [(rows,)] = _published(run, f"select count(*) from {table}")
    assert exported.height == rows


def test_note_outcomes_has_one_row_per_note_and_undecided_is_not_rejection(
    run: PipelineResult,
) -> None:
    [(rows, notes, ids, wrong)] = _published(
        run,
        "select count(*), (select count(*) from notes), count(distinct note_id), "
        "count(*) filter (where callback is not null and outcome not in ('callback', 'rejected')) "
        "from note_outcomes",
    )
    assert rows == notes == ids and wrong == 0


def test_callback_rate_by_month_adds_up_to_note_facts(run: PipelineResult) -> None:
    [(notes, decided, callbacks)] = _published(
        run, "select sum(notes), sum(decided), sum(callbacks) from callback_rate_by_month"
    )
    [(facts, facts_decided, facts_callbacks)] = _published(
        run,
        "select count(*), count(*) filter (where decided), count(*) filter (where callback) "
        "from note_facts",
    )
    assert (notes, decided, callbacks) == (facts, facts_decided, facts_callbacks)


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_sql_command_prints_the_result(run: PipelineResult, fmt: str) -> None:
    query = "select kind, count(*) as files from file_status group by kind order by kind"
    result = CliRunner().invoke(
        app, ["sql", query, "--format", fmt, "--published", str(run.published.parent)]
    )
    assert result.exit_code == 0, result.output
    expected = _published(run, query)
    if fmt == "csv":
        assert pl.read_csv(result.output.encode()).rows() == expected
    elif fmt == "json":
        assert [(r["kind"], r["files"]) for r in json.loads(result.output)] == expected
    else:
        assert all(kind in result.output for kind, _ in expected)


def test_sql_command_writes_parquet(run: PipelineResult, tmp_path: Path) -> None:
    out = tmp_path / "q.parquet"
    result = CliRunner().invoke(
        app,
        [
            "sql",
            "select note_id from notes",
            "--format",
            "parquet",
            "--output",
            str(out),
            "--published",
            str(run.published.parent),
        ],
    )
    assert result.exit_code == 0, result.output
    [(notes,)] = _published(run, "select count(*) from notes")
    assert pl.read_parquet(out).height == notes


def test_sql_command_cannot_change_the_published_copy(run: PipelineResult) -> None:
    result = CliRunner().invoke(
        app, ["sql", "delete from notes", "--published", str(run.published.parent)]
    )
    assert result.exit_code != 0
    assert "read-only" in str(result.exception).lower()
