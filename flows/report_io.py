"""The I/O side of the report: run sql/report/*.sql, call the pure builder, write the files."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import polars as pl

from transforms.report import ReportContext, build_report

ROOT = Path(__file__).resolve().parents[1]
REPORT_SQL_DIR = ROOT / "sql" / "report"
TEMPLATE_PATH = ROOT / "reports" / "templates" / "report.html.j2"
MODEL_FRAME = "model_frame"
_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def read_report_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """Run every report query; each file's name (without .sql) names its table.

    Most queries read the view note_facts, whose joins would otherwise run once per query: it
    is computed once into a temporary table of the same name, which DuckDB resolves before the
    view (temp objects come first; this works on read-only connections too), and dropped after.
    """
    con.execute("create or replace temp table note_facts as select * from main.note_facts")
    try:
        return {
            path.stem: con.sql(path.read_text(encoding="utf-8")).pl()
            for path in sorted(REPORT_SQL_DIR.glob("*.sql"))
        }
    finally:
        con.execute("drop table if exists temp.note_facts")


def _write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_csv(frame: pl.DataFrame, path: Path) -> None:
    # CSV has no nested types; anything nested is written as JSON text.
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    flat = frame.with_columns(
        pl.Series(name, [json.dumps(v, default=str) for v in frame[name].to_list()])
        for name in nested
    )
    _write_atomic(path, flat.write_csv())


def _absolute_href(href: str | None, run_dir: Path) -> str | None:
    if not href or urlsplit(href).scheme:
        return href
    path = Path(href)
    return (path if path.is_absolute() else run_dir / path).resolve().as_uri()


def _gold_metrics(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The stored gold-set scores of the newest tagger version in note_tags, if measured."""
    rows = con.sql(
        "select * from tagger_accuracy where tagger_version = ("
        "  select tagger_version from tagger_accuracy"
        "  where tagger_version in (select tagger_version from note_tags)"
        "  order by evaluated_at desc limit 1)"
    ).pl()
    if rows.is_empty():
        return None
    return {
        "tagger_version": rows["tagger_version"][0],
        "n": int(rows["n_notes"][0]),
        "features": {r.pop("feature"): r for r in rows.drop("tagger_version").to_dicts()},
    }


def write_report(
    con: duckdb.DuckDBPyConnection,
    reports_dir: Path,
    run_id: str,
    *,
    gold_metrics: dict | None = None,
    data_docs_href: str | None = None,
) -> Path:
    """Build the report for `run_id`; write report.html, tables/*.csv and latest.html.

    Returns the path of reports_dir/<run_id>/report.html. A data_docs_href that is a plain path
    (relative paths are taken from the run folder) becomes a file:// URI, so that the same link
    works from report.html and from latest.html one folder up.
    """
    if not _RUN_ID.match(run_id):
        raise ValueError(f"run_id {run_id!r} is not a safe folder name")
    tables = read_report_tables(con)
    if gold_metrics is None:
        gold_metrics = _gold_metrics(con)
    model_frame = tables.pop(MODEL_FRAME)
    run_dir = Path(reports_dir) / run_id
    context = ReportContext(
        run_id=run_id,
        generated_at=datetime.now(UTC),
        template=TEMPLATE_PATH.read_text(encoding="utf-8"),
        gold_metrics=gold_metrics,
        data_docs_href=_absolute_href(data_docs_href, run_dir),
    )
    rendered = build_report(tables, model_frame, context)
    tables_dir = run_dir / "tables"
    tables_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in rendered.tables.items():
        _write_csv(frame, tables_dir / f"{name}.csv")
    html_path = run_dir / "report.html"
    _write_atomic(html_path, rendered.html)
    _write_atomic(Path(reports_dir) / "latest.html", rendered.html)
    return html_path
