"""The `followup` command: thin commands that call flows and library functions."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

# The temporary local Prefect server needs longer than Prefect's default 20 s on a busy 2-core box.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
# The temporary server's telemetry only fails (and logs an ERROR) on an offline machine.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    help="Followup: tag post-interview follow-up notes with the five classic mistakes and "
    "correlate them with callback rates.",
    no_args_is_help=True,
    add_completion=False,
)

InboxOpt = Annotated[
    Path | None, typer.Option(help="Inbox folder with notes*/outcomes* files [data/inbox].")
]
WarehouseOpt = Annotated[
    Path | None, typer.Option(help="DuckDB warehouse file [data/warehouse.duckdb].")
]
ReportsOpt = Annotated[Path | None, typer.Option(help="Folder for reports [reports/].")]
PublishedOpt = Annotated[
    Path | None, typer.Option(help="Folder for the read-only published copy [data/published/].")
]


@app.command()
def run(
    inbox: InboxOpt = None,
    warehouse: WarehouseOpt = None,
    reports: ReportsOpt = None,
    published: PublishedOpt = None,
    processes: Annotated[int, typer.Option(help="Processes for tagging.")] = 1,
    dask_address: Annotated[
        str | None,
        typer.Option(help="Tag on this Dask scheduler (or set FOLLOWUP_DASK_ADDRESS)."),
    ] = None,
) -> None:
    """Run the whole pipeline once as a Prefect flow run: ingest, tag, publish the report."""
    from flows import gx_process
    from flows.settings import Paths, gx_project_dir

    # Great Expectations starts importing in its own process before this one imports Prefect.
    gx_process.start(gx_project_dir(Paths.from_env(inbox, warehouse, reports, published).warehouse))
    from flows.pipeline import pipeline

    result = pipeline(
        inbox=inbox,
        warehouse=warehouse,
        reports=reports,
        published=published,
        n_process=processes,
        dask_address=dask_address,
    )
    loaded = sum(f.rows_loaded for f in result.files)
    quarantined = sum(f.rows_quarantined for f in result.files)
    new = [f for f in result.files if not f.skipped]
    typer.echo(
        f"run {result.run_id}: {len(new)} new file(s), {loaded} rows loaded, "
        f"{quarantined} quarantined, {result.notes_tagged} notes tagged"
    )
    for file in new:
        if file.file_error:
            typer.echo(f"  refused {file.file_name}: {file.file_error}", err=True)
    typer.echo(f"report:    {result.report}")
    typer.echo(f"warehouse: {result.warehouse}")
    typer.echo(f"published: {result.published}")


@app.command()
def sample(
    out: Annotated[Path, typer.Option(help="Folder to write inbox/ and truth/ into.")],
    notes: Annotated[int, typer.Option(help="Number of notes.")] = 3000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
    batches: Annotated[int, typer.Option(help="Number of notes batches.")] = 4,
) -> None:
    """Write generated batches (notes and outcomes, CSV/JSONL/Parquet) and their true labels."""
    from flows.sample_writer import write_sample

    files = write_sample(out, notes, seed, n_batches=batches)
    typer.echo(f"wrote {files}")


@app.command()
def evaluate(
    files: Annotated[
        list[Path], typer.Argument(help="JSON Lines files of labelled notes, scored together.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the tagger against labelled notes: precision, recall, F1 per feature.

    Lines that are not valid records are listed on stderr (file:line: field: reason) and left
    out; the others are scored. With --json they are also in the output, under "rejected".
    """
    from transforms.evaluate import evaluate_records, format_evaluation, parse_records
    from transforms.tagger import load_tagger

    records: list[dict] = []
    rejected: list[dict] = []
    seen: set[str] = set()  # note ids must be unique across the files too
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            typer.echo(f"{file}: cannot read: {exc}", err=True)
            raise typer.Exit(2) from None
        # JSON Lines end at "\n" only: str.splitlines would also split a text holding U+2028.
        valid, bad = parse_records(text.split("\n"), seen)
        records += valid
        for line, field, message in bad:
            typer.echo(f"{file}:{line}: {field + ': ' if field else ''}{message}", err=True)
            rejected.append({"file": str(file), "line": line, "field": field, "message": message})
    if not records:
        typer.echo(f"no valid record to evaluate ({len(rejected)} rejected)", err=True)
        raise typer.Exit(1)
    result = evaluate_records(records, load_tagger())
    if as_json:
        result["rejected"] = rejected
        typer.echo(json.dumps(result, indent=2))
    else:
        typer.echo(format_evaluation(result))
        if rejected:
            typer.echo(f"{len(rejected)} line(s) rejected, see above")


@app.command()
def report(
    warehouse: WarehouseOpt = None,
    reports: ReportsOpt = None,
) -> None:
    """Re-render the HTML report from the warehouse, without ingesting or tagging."""
    from datetime import UTC, datetime

    from flows.publish import render_report
    from flows.settings import Paths

    paths = Paths.from_env(warehouse=warehouse, reports=reports)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-report"
    typer.echo(f"report: {render_report.fn(paths.warehouse, paths.reports, run_id)}")


@app.command()
def serve(
    inbox: InboxOpt = None,
    warehouse: WarehouseOpt = None,
    reports: ReportsOpt = None,
    published: PublishedOpt = None,
    sweep_cron: Annotated[str, typer.Option(help="When to sweep the inbox (cron).")] = "0 * * * *",
    report_cron: Annotated[
        str, typer.Option(help="When to re-render the report (cron).")
    ] = "30 2 * * *",
    interval: Annotated[
        float | None, typer.Option(help="Sweep every N seconds instead of the cron (demos).")
    ] = None,
    timezone: Annotated[str, typer.Option(help="Time zone of the cron schedules.")] = "UTC",
) -> None:
    """Serve the inbox sweep and the nightly report as scheduled Prefect deployments."""
    from flows.serve import serve_deployments
    from flows.settings import Paths

    given = any(p is not None for p in (inbox, warehouse, reports, published))
    serve_deployments(
        sweep_cron=sweep_cron,
        report_cron=report_cron,
        sweep_interval_s=interval,
        timezone=timezone,
        paths=Paths.from_env(inbox, warehouse, reports, published) if given else None,
    )


@app.command()
def backfill(
    start: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="First arrival date.")],
    end: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="Last arrival date.")],
    mode: Annotated[
        str, typer.Option(help="missing: never loaded; failed: refused or quarantined; all.")
    ] = "missing",
    inbox: InboxOpt = None,
    warehouse: WarehouseOpt = None,
    reports: ReportsOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Reprocess the inbox files that arrived between --start and --end (inclusive, UTC)."""
    from flows.backfill import MODES
    from flows.backfill import backfill as run_backfill

    if mode not in MODES:
        raise typer.BadParameter(f"choose one of {', '.join(MODES)}", param_hint="--mode")
    result = run_backfill(
        start.date(),
        end.date(),
        mode,
        inbox,
        warehouse,
        reports,
        published,
    )
    typer.echo(
        f"backfill {result.run_id}: {len(result.loaded)} loaded, {len(result.reloaded)} "
        f"reloaded with changes, {len(result.unchanged)} unchanged, "
        f"{result.notes_tagged} notes tagged"
    )
    for file in result.loaded + result.reloaded:
        if file.file_error:
            typer.echo(f"  refused {file.file_name}: {file.file_error}", err=True)
    if result.published:
        typer.echo(f"published: {result.published}")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help='The SQL to run, e.g. "select * from file_status".')],
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, json or parquet (needs --output).")
    ] = "table",
    output: Annotated[Path | None, typer.Option(help="Write to this file instead.")] = None,
    published: PublishedOpt = None,
) -> None:
    """Run a query on the published read-only copy of the warehouse."""
    from flows.access import FORMATS, format_result
    from flows.access import query as run_query
    from flows.settings import Paths

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--format")
    frame = run_query(Paths.from_env(published=published).published / "warehouse.duckdb", query)
    if output is not None and fmt == "parquet":
        frame.write_parquet(output)
    elif output is not None:
        output.write_text(format_result(frame, fmt))
    else:
        typer.echo(format_result(frame, fmt).rstrip("\n"))


@app.command()
def explain(
    note_id: Annotated[str, typer.Argument(help="The note to explain.")],
    published: PublishedOpt = None,
) -> None:
    """Print a note (redacted) with its tags and the evidence for each, from the published copy."""
    from flows.access import query as run_query
    from flows.settings import Paths
    from transforms.explain import format_explanation

    database = Paths.from_env(published=published).published / "warehouse.duckdb"
    quoted = note_id.replace("'", "''")
    notes = run_query(database, f"select * from notes where note_id = '{quoted}'")
    if notes.is_empty():
        raise typer.BadParameter(f"no note {note_id!r} in {database}", param_hint="NOTE_ID")
    tags = run_query(database, f"select * from note_tags where note_id = '{quoted}'")
    evidence = run_query(
        database,
        f"select * from tag_evidence where note_id = '{quoted}' order by feature, span_start",
    )
    typer.echo(
        format_explanation(
            notes.row(0, named=True),
            tags.row(0, named=True) if tags.height else None,
            evidence.to_dicts(),
        )
    )


@app.command()
def dictionary(
    out: Annotated[Path, typer.Option(help="Markdown file to write.")] = Path(
        "docs/data_dictionary.md"
    ),
) -> None:
    """Write the data dictionary (every table, view and column) from the SQL comments."""
    from flows.access import data_dictionary

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(data_dictionary())
    typer.echo(f"wrote {out}")


if __name__ == "__main__":
    app()
