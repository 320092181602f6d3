"""Researcher access: published copy, Parquet exports, views, comments, `followup sql`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.access import EXPORTS, PARTITIONED, data_dictionary, export_parquet
from flows.pipeline import PipelineResult, pipeline
from flows.sample_writer import write_sample
from flows.settings import PROJECT_ROOT
from flows.warehouse import apply_schema, connect

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


def _cli_query(run: PipelineResult, query: str) -> str:
    """CSV output of `query` on the published copy, run by the duckdb CLI from PyPI."""
    command = [_duckdb_cli(), "-readonly", "-csv", str(run.published), "-c", query]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


def test_published_copy_opens_in_the_duckdb_cli_from_pypi(run: PipelineResult) -> None:
    [(tagged,)] = _published(run, "select count(*) from note_tags")
    out = _cli_query(run, "select count(*) as n from note_tags")
    assert tagged > 0
    assert out.split() == ["n", str(tagged)]


def test_views_open_in_the_duckdb_cli(run: PipelineResult) -> None:
    out = _cli_query(
        run, "select sum(decided) from callback_rate_by_feature where feature = 'gift'"
    )
    [(decided,)] = _published(
        run, "select count(*) from note_facts where decided and gift is not null"
    )
    assert out.split()[-1] == str(decided)


def _exported(folder: Path, table: str) -> pl.DataFrame:
    if table in PARTITIONED:
        return pl.read_parquet(folder / table / "*.parquet")
    return pl.read_parquet(folder / f"{table}.parquet")


@pytest.mark.parametrize("table", EXPORTS)
def test_parquet_export_has_the_published_rows(run: PipelineResult, table: str) -> None:
    exported = _exported(run.published.parent / "parquet", table)
    [(rows,)] = _published(run, f"select count(*) from {table}")
    assert exported.height == rows


@pytest.mark.parametrize("table", PARTITIONED)
def test_partitioned_export_has_one_file_per_input_file(run: PipelineResult, table: str) -> None:
    files = list((run.published.parent / "parquet" / table).glob("*.parquet"))
    [(inputs,)] = _published(run, "select count(distinct file_hash) from notes")
    assert len(files) == inputs


def _warehouse_with_notes(path: Path, notes: dict[str, str]) -> duckdb.DuckDBPyConnection:
    """A warehouse whose notes table holds note_id -> file_hash (other columns alike)."""
    con = connect(path)
    for note_id, file_hash in notes.items():
        con.execute(
            "insert into notes (note_id, interview_id, candidate_id, interview_start, "
            "interview_end, sent_at, channel, text, content_hash, file_hash, row_number) "
            "values (?, 'i', 'c', now(), now(), now(), 'email', 'Thanks', 'h', ?, 1)",
            [note_id, file_hash],
        )
    return con


def test_re_export_writes_only_the_files_whose_rows_changed(tmp_path: Path) -> None:
    con = _warehouse_with_notes(tmp_path / "w.duckdb", {"n1": "a", "n2": "b"})
    out = tmp_path / "parquet"
    export_parquet(con, out)
    before = {p.name: p.stat().st_mtime_ns for p in (out / "notes").glob("*.parquet")}
    con.execute("update notes set text = 'Thank you' where note_id = 'n2'")
    export_parquet(con, out)
    after = {p.name: p.stat().st_mtime_ns for p in (out / "notes").glob("*.parquet")}
    assert len(after) == 2
    assert [n for n in after if before.get(n) == after[n]] == [
        n for n in before if n.startswith("a-")
    ]


def test_export_of_an_empty_table_is_one_file_with_its_columns(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    export_parquet(con, tmp_path / "parquet")
    [empty] = (tmp_path / "parquet" / "notes").glob("*.parquet")
    assert pl.read_parquet(empty).columns[:2] == ["note_id", "interview_id"]


def _views_named(path: Path, name: str) -> int:
    with duckdb.connect(str(path)) as con:
        [(views,)] = con.execute(
            "select count(*) from duckdb_views() where view_name = ?", [name]
        ).fetchall()
    return int(views)


def _drop_note_outcomes(path: Path, *, forget_version: bool) -> None:
    connect(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("drop view note_outcomes")
        if forget_version:
            con.execute("update schema_version set version = 'older'")
    connect(path).close()


def test_connect_does_not_re_apply_unchanged_ddl(tmp_path: Path) -> None:
    _drop_note_outcomes(tmp_path / "w.duckdb", forget_version=False)
    assert _views_named(tmp_path / "w.duckdb", "note_outcomes") == 0


def test_connect_re_applies_the_ddl_when_it_changed(tmp_path: Path) -> None:
    _drop_note_outcomes(tmp_path / "w.duckdb", forget_version=True)
    assert _views_named(tmp_path / "w.duckdb", "note_outcomes") == 1
