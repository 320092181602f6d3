"""Researcher access: Parquet exports, queries on the published copy, the data dictionary."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from flows.warehouse import apply_schema, sql_text

# The tables and views exported as Parquet next to the published copy.
EXPORTS = (
    "notes",
    "note_tags",
    "tag_evidence",
    "outcome_events",
    "interview_outcomes",
    "note_outcomes",
    "batch_accounting",
    "quarantine",
    "redaction_counts",
)
# Exported as a folder <table>/ of one file per input file, rewritten only when its rows change.
PARTITIONED = ("notes", "note_tags", "tag_evidence", "note_outcomes")
FORMATS = ("table", "csv", "json", "parquet")


def export_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> list[Path]:
    """Bring the Parquet exports in `folder` up to date with the warehouse (see stage_parquet)."""
    return replace_staged(stage_parquet(con, folder))


@dataclass(frozen=True)
class StagedExports:
    """Exports written as hidden temporary files, not yet visible to readers."""

    renames: dict[Path, Path] = field(default_factory=dict)  # temporary file -> its target
    stale: list[Path] = field(default_factory=list)  # files to remove once the new ones are in


def stage_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> StagedExports:
    """Write each export beside its target as a temporary file; `replace_staged` publishes them.

    Small exports are one file, <table>.parquet, rewritten every time. The per-note ones
    (PARTITIONED) are a folder <table>/ of one file per input file, named by its rows'
    fingerprint: only files whose rows changed are written. On failure nothing is left behind.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged = StagedExports()
    try:
        for table in EXPORTS:
            if table in PARTITIONED:
                _stage_partitions(con, folder, table, staged)
            else:
                staging = folder / f".{table}.parquet.tmp"
                staged.renames[staging] = folder / f"{table}.parquet"
                con.execute(f"copy (select * from {table}) to '{staging}' (format parquet)")
    except BaseException:
        discard_staged(staged)
        raise
    return staged


def replace_staged(staged: StagedExports) -> list[Path]:
    """Rename each staged file over its target (each rename atomic), then drop stale files."""
    for staging, target in staged.renames.items():
        os.replace(staging, target)
    for path in staged.stale:
        path.unlink(missing_ok=True)
    return list(staged.renames.values())


def discard_staged(staged: StagedExports) -> None:
    for staging in staged.renames:
        staging.unlink(missing_ok=True)


def _stage_partitions(
    con: duckdb.DuckDBPyConnection, folder: Path, table: str, staged: StagedExports
) -> None:
    """One file per input file (`_part`), named <part>-<fingerprint of its rows>.parquet."""
    source = sql_text(f"export/{table}.sql")
    parts = con.execute(
        f"select _part, count(*), sum(hash(s))::varchar from ({source}) as s group by _part"
    ).fetchall()
    wanted = {
        f"{part}-{_fingerprint(rows, digest)}.parquet": f"_part = '{_quoted(part)}'"
        for part, rows, digest in parts
    } or {"empty.parquet": "false"}  # an empty table is still one file, with the columns
    target_dir = folder / table
    target_dir.mkdir(exist_ok=True)
    existing = {path.name for path in target_dir.glob("*.parquet")}
    for name, condition in wanted.items():
        if name in existing:
            continue
        staging = target_dir / f".{name}.tmp"
        staged.renames[staging] = target_dir / name
        con.execute(
            f"copy (select * exclude (_part) from ({source}) where {condition}) "
            f"to '{staging}' (format parquet)"
        )
    staged.stale.extend(target_dir / name for name in existing - wanted.keys())
    # The single file earlier versions wrote for this table.
    staged.stale.append(folder / f"{table}.parquet")


def _fingerprint(rows: int, digest: str) -> str:
    return hashlib.sha256(f"{rows}:{digest}".encode()).hexdigest()[:16]


def _quoted(value: str) -> str:
    return value.replace("'", "''")


def query(published: Path, sql: str) -> pl.DataFrame:
    """Run one query on the published, read-only copy of the warehouse."""
    if not published.exists():
        raise FileNotFoundError(f"no published warehouse at {published}; run the pipeline first")
    with duckdb.connect(str(published), read_only=True) as con:
        con.execute("set time zone 'UTC'")
        return con.sql(sql).pl()


def format_result(frame: pl.DataFrame, fmt: str) -> str:
    """The frame as an aligned table, CSV or JSON (one object per row)."""
    if fmt == "csv":
        return _flatten(frame).write_csv()
    if fmt == "json":
        return frame.write_json()
    if fmt == "table":
        with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=80, tbl_hide_dataframe_shape=True):
            return str(frame)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    # CSV has no nested types: nested values become JSON text.
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(name, [json.dumps(v, default=str) for v in frame[name].to_list()])
        for name in nested
    )


def data_dictionary() -> str:
    """Markdown for every table and view, from the COMMENT ON statements in sql/docs/."""
    with duckdb.connect() as con:
        apply_schema(con)
        objects = con.execute(
            "select table_name, 'table' as kind, comment from duckdb_tables() where not internal "
            "union all select view_name, 'view', comment from duckdb_views() where not internal "
            "order by 2, 1"
        ).fetchall()
        columns = con.execute(
            "select table_name, column_name, data_type, is_nullable, comment from duckdb_columns() "
            "where not internal order by table_name, column_index"
        ).fetchall()
    lines = [
        "# Data dictionary",
        "",
        "Generated by `followup dictionary` from the `COMMENT ON` statements in `sql/docs/`;",
        "do not edit by hand. Tables hold what was loaded; views answer common questions.",
        "",
    ]
    for name, kind, comment in objects:
        lines += [f"## `{name}` ({kind})", "", comment or "", ""]
        lines += ["| column | type | nullable | meaning |", "|---|---|---|---|"]
        for table, column, dtype, nullable, doc in columns:
            if table == name:
                null = "yes" if nullable else "no"
                meaning = (doc or "").replace("|", r"\|")
                lines.append(f"| `{column}` | {dtype} | {null} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
