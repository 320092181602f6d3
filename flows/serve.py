"""Scheduled runs: the inbox sweep and the nightly report, served as Prefect deployments.

`prefect.serve` registers both deployments with their schedules on the Prefect server and runs
what falls due in this process. The schedules live on the server and are not paused when serving
stops, so a restarted `followup serve` picks up where it left off (late runs included).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from prefect import flow, serve
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron, Interval

from flows.artifacts import publish_report_link
from flows.pipeline import new_run_id, pipeline
from flows.publish import publish_copy, render_report
from flows.settings import Paths
from flows.writer import writer_lock

SWEEP_CRON = "0 * * * *"  # every hour, on the hour
REPORT_CRON = "30 2 * * *"  # every night at 02:30
TIMEZONE = "UTC"
SWEEP_NAME = "inbox-sweep"
REPORT_NAME = "nightly-report"


@flow(name="nightly-report")
def nightly_report(
    warehouse: Path | None = None, reports: Path | None = None, published: Path | None = None
) -> Path:
    """Re-render the report from the warehouse and publish a fresh read-only copy."""
    paths = Paths.from_env(warehouse=warehouse, reports=reports, published=published)
    run_id = new_run_id() + "-report"
    with writer_lock(paths.warehouse):
        report = render_report(paths.warehouse, paths.reports, run_id)
        publish_copy(paths.warehouse, paths.published)
    publish_report_link(report)
    return report


def deployments(
    *,
    sweep_cron: str = SWEEP_CRON,
    report_cron: str = REPORT_CRON,
    sweep_interval_s: float | None = None,
    timezone: str = TIMEZONE,
    paths: Paths | None = None,
) -> list[RunnerDeployment]:
    """The two deployments, each limited to one run at a time.

    `sweep_interval_s` replaces the sweep's cron with a fixed interval (tests, demos). Paths given
    here are stored as deployment parameters; otherwise each run resolves them from the environment.
    """
    sweep_params = _path_params(paths, ("inbox", "warehouse", "reports", "published"))
    report_params = _path_params(paths, ("warehouse", "reports", "published"))
    sweep_schedule = (
        Interval(timedelta(seconds=sweep_interval_s), timezone=timezone)
        if sweep_interval_s is not None
        else Cron(sweep_cron, timezone=timezone)
    )
    sweep = pipeline.to_deployment(
        SWEEP_NAME,
        schedule=sweep_schedule,
        concurrency_limit=1,
        parameters=sweep_params,
        description="Load new inbox files, tag them, render the report and publish the copy.",
        tags=["followup"],
    )
    report = nightly_report.to_deployment(
        REPORT_NAME,
        schedule=Cron(report_cron, timezone=timezone),
        concurrency_limit=1,
        parameters=report_params,
        description="Re-render the report and republish the read-only copy.",
        tags=["followup"],
    )
    return [sweep, report]  # type: ignore[list-item]  # sync call: not a coroutine


def serve_deployments(**kwargs: object) -> None:
    """Serve both deployments until interrupted; one flow run at a time in this process."""
    serve(*deployments(**kwargs), pause_on_shutdown=False, limit=1)  # type: ignore[arg-type]


def _path_params(paths: Paths | None, names: tuple[str, ...]) -> dict[str, str]:
    if paths is None:
        return {}
    return {name: str(getattr(paths, name)) for name in names}
