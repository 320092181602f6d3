"""Prefect artifacts of a run: a markdown summary and a link to the report, shown in the UI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
from prefect.artifacts import create_link_artifact, create_markdown_artifact

from flows.ingest import FileResult
from transforms.contract import FEATURES

SUMMARY_KEY = "followup-run-summary"
REPORT_KEY = "followup-report"


def tag_rates(published: Path) -> dict[str, float | None]:
    """Share of judged notes with each feature, from the published copy."""
    columns = ", ".join(f"avg({f}::int) as {f}" for f in FEATURES)
    with duckdb.connect(str(published), read_only=True) as con:
        row = con.execute(f"select {columns} from note_tags").fetchall()[0]
    return dict(zip(FEATURES, row, strict=True))


def summary_markdown(
    run_id: str,
    files: Sequence[FileResult],
    notes_tagged: int,
    rates: dict[str, float | None],
    seconds: float,
    report: Path,
) -> str:
    """Files, rows loaded and quarantined, tag rates and run time, as markdown."""
    new = [f for f in files if not f.skipped]
    lines = [
        f"# Followup run `{run_id}`",
        "",
        f"- new files: {len(new)} (already loaded, skipped: {len(files) - len(new)})",
        f"- rows loaded: {sum(f.rows_loaded for f in new)}",
        f"- rows quarantined: {sum(f.rows_quarantined for f in new)}",
        f"- notes tagged: {notes_tagged}",
        f"- run time: {seconds:.1f} s",
        f"- report: [{report.name}]({report.resolve().as_uri()})",
        "",
    ]
    if new:
        lines += [
            "| file | kind | read | loaded | quarantined | refused because |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {f.file_name} | {f.kind} | {f.rows_read} | {f.rows_loaded} | "
            f"{f.rows_quarantined} | {f.file_error or ''} |"
            for f in new
        ]
        lines.append("")
    lines += ["| feature | share of notes (all loaded) |", "|---|---|"]
    lines += [f"| {k} | {'–' if v is None else f'{v:.1%}'} |" for k, v in rates.items()]
    return "\n".join(lines) + "\n"


def publish_run_artifacts(
    run_id: str,
    files: Sequence[FileResult],
    notes_tagged: int,
    seconds: float,
    report: Path,
    published: Path,
) -> None:
    markdown = summary_markdown(run_id, files, notes_tagged, tag_rates(published), seconds, report)
    create_markdown_artifact(markdown, key=SUMMARY_KEY, description=f"Followup run {run_id}")
    publish_report_link(report)


def publish_report_link(report: Path) -> None:
    create_link_artifact(
        report.resolve().as_uri(),
        link_text=report.name,
        key=REPORT_KEY,
        description="The HTML report of this run (opens offline).",
    )


def publish_failure_artifact(run_id: str, error: BaseException) -> None:
    """Say why the run failed; the warehouse keeps every file that committed before the error."""
    markdown = (
        f"# Followup run `{run_id}` failed\n\n"
        f"`{type(error).__name__}`: {error}\n\n"
        "Each file and each tagging chunk is one transaction, so nothing half-written remains; "
        "the published copy was not replaced. The next run retries what is missing.\n"
    )
    create_markdown_artifact(markdown, key=SUMMARY_KEY, description=f"Followup run {run_id} failed")
