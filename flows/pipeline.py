"""The pipeline flow: ingest → tag → publish, recorded in the `runs` table."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.runtime import flow_run

from flows import gx_process, warmup
from flows.artifacts import publish_failure_artifact, publish_run_artifacts
from flows.ingest import FileResult, ingest_inbox
from flows.publish import PUBLISHED_NAME, publish
from flows.settings import Paths, gx_project_dir
from flows.subflows import parent_heartbeat_only
from flows.tag import tag_flow
from flows.warehouse import connect
from flows.writer import restore_on_failure, writer_lock


@dataclass(frozen=True)
class PipelineResult:
    run_id: str
    files: list[FileResult]
    notes_tagged: int
    report: Path
    warehouse: Path
    published: Path
    stage_seconds: dict[str, float] = field(default_factory=dict)


def new_run_id() -> str:
    """Sortable and unique: UTC time plus the random end of the Prefect flow run id (its start
    is a timestamp, shared by runs that start in the same second)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    run = flow_run.get_id()
    return f"{stamp}-{str(run)[-12:]}" if run else stamp


@task
def record_run(warehouse: Path, run_id: str, status: str, **fields: object) -> None:
    with connect(warehouse) as con:
        con.execute(
            "insert or replace into runs by name select ? as run_id, "
            "coalesce((select started_at from runs where run_id = ?), now()) as started_at, "
            "case when ? = 'running' then null else now() end as finished_at, ? as status, "
            "? as files_new, ? as notes_tagged, ? as report_path",
            [
                run_id,
                run_id,
                status,
                status,
                fields.get("files_new"),
                fields.get("notes_tagged"),
                str(fields["report_path"]) if fields.get("report_path") else None,
            ],
        )


@flow(name="pipeline")
def pipeline(
    inbox: Path | None = None,
    warehouse: Path | None = None,
    reports: Path | None = None,
    published: Path | None = None,
    n_process: int = 1,
    dask_address: str | None = None,
) -> PipelineResult:
    """One full run: load new inbox files, tag untagged notes, render the report, publish.

    Only one writer at a time (see flows.writer). A run that fails puts the warehouse back as it
    was, is recorded as failed, says why in a Prefect artifact, and does not replace the copy.
    """
    paths = Paths.from_env(inbox, warehouse, reports, published)
    # GX imports in its own process, the tagger and statistics in a thread, while the run starts.
    gx_process.start(gx_project_dir(paths.warehouse))
    warmup.start()
    dask_address = dask_address or os.environ.get("FOLLOWUP_DASK_ADDRESS") or None
    run_id = new_run_id()
    started = time.monotonic()
    with writer_lock(paths.warehouse):
        try:
            with (
                restore_on_failure(paths.warehouse, paths.published / PUBLISHED_NAME),
                parent_heartbeat_only(),
            ):
                record_run(paths.warehouse, run_id, "running")
                stages = {"start": time.monotonic()}
                files = ingest_inbox(paths.inbox, paths.warehouse, run_id)
                loaded_new = any(not f.skipped for f in files)
                stages["ingest"] = time.monotonic()
                tagged = tag_flow(dask_address)(paths.warehouse, n_process)
                stages["tag"] = time.monotonic()
                changed = tagged > 0 or loaded_new
                latest = paths.reports / "latest.html"
                published_copy = paths.published / PUBLISHED_NAME
                # Nothing new: the published report and copy are current.
                republish = changed or not (latest.exists() and published_copy.exists())
                report = paths.reports / run_id / "report.html" if republish else latest
                # Recorded before publishing so the published copy shows this run completed; a
                # failed publish restores the warehouse and records the run as failed instead.
                record_run(
                    paths.warehouse,
                    run_id,
                    "completed",
                    files_new=sum(not f.skipped for f in files),
                    notes_tagged=tagged,
                    report_path=report,
                )
                if republish:
                    report, published_copy = publish(
                        paths.warehouse, paths.reports, paths.published, run_id
                    )
                stages["publish"] = time.monotonic()
        except Exception as exc:
            record_run(paths.warehouse, run_id, "failed")
            publish_failure_artifact(run_id, exc)
            raise
    publish_run_artifacts(run_id, files, tagged, time.monotonic() - started, report, published_copy)
    marks = list(stages.items())
    seconds = {name: end - marks[i][1] for i, (name, end) in enumerate(marks[1:])}
    return PipelineResult(run_id, files, tagged, report, paths.warehouse, published_copy, seconds)
