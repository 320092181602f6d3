"""Scheduled runs: the served sweep loads a dropped batch by itself, while a reader holds the copy.

The test harness's server is ephemeral and runs no scheduler, so this module starts a real local
Prefect server (scheduler every 2 s) like the one the README describes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from prefect.client.orchestration import SyncPrefectClient

from flows.sample_writer import write_sample

pytestmark = pytest.mark.e2e

# Generous: a served run starts its own process, and CI machines may be slow.
TIMEOUT_S = 300


@dataclass(frozen=True)
class Served:
    root: Path
    published: Path
    reader_before: int
    reader_after: int
    notes_now: int
    notes_expected: int
    api_url: str


def _count(path: Path, query: str) -> int:
    """Ask the DuckDB CLI: in this process DuckDB would reuse the reader's cached (old) database."""
    cli = shutil.which("duckdb") or str(Path(sys.prefix) / "bin" / "duckdb")
    out = subprocess.run(
        [cli, "-readonly", "-csv", "-noheader", str(path), "-c", query],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return int(out.split()[-1])


def _wait_for(check, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def _runs_completed(warehouse: Path) -> int:
    if not (warehouse.parent / "published" / "warehouse.duckdb").exists():
        return 0
    return _count(
        warehouse.parent / "published" / "warehouse.duckdb",
        "select count(*) from runs where status = 'completed'",
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
    }
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=(home / "server.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_for(lambda: _healthy(url), "the Prefect server")
        yield url
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def served(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve")
    inbox, warehouse, published = root / "inbox", root / "warehouse.duckdb", root / "published"
    inbox.mkdir()
    sample = write_sample(root / "sample", n_notes=120, seed=3, n_batches=1)
    api_url = prefect_api
    env = {
        **os.environ,
        "PREFECT_API_URL": api_url,
        "PREFECT_HOME": str(tmp_path_factory.mktemp("runner-home")),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    command = [
        "serve",
        "--interval",
        "5",
        "--inbox",
        str(inbox),
        "--warehouse",
        str(warehouse),
        "--reports",
        str(root / "reports"),
        "--published",
        str(published),
    ]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from flows.cli import app; app()", *command],
        env=env,
        cwd=Path(__file__).parents[1],
        stdout=(root / "serve.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        # A first scheduled run on the empty inbox publishes an empty copy; a researcher opens it.
        _wait_for(lambda: _runs_completed(warehouse) >= 1, "a first scheduled run")
        reader = duckdb.connect(str(published / "warehouse.duckdb"), read_only=True)
        before = reader.execute("select count(*) from notes").fetchall()[0][0]
        for path in sample.notes_files + sample.outcomes_files:
            path.rename(inbox / path.name)
        expected = _count_expected(sample)
        _wait_for(
            lambda: _count(published / "warehouse.duckdb", "select count(*) from note_tags") > 0,
            "a scheduled run to load the dropped batch",
        )
        after = reader.execute("select count(*) from notes").fetchall()[0][0]
        reader.close()
        notes_now = _count(published / "warehouse.duckdb", "select count(*) from notes")
        yield Served(root, published, before, after, notes_now, expected, api_url)
    finally:
        _stop(proc)


def _count_expected(sample) -> int:  # type: ignore[no-untyped-def]
    import polars as pl

    return sample.n_notes - pl.read_parquet(sample.bad_rows).height


def test_a_scheduled_run_loads_a_dropped_batch(served: Served) -> None:
    assert served.notes_now == served.notes_expected > 0


def test_a_reader_of_the_published_copy_keeps_its_view_and_does_not_block(served: Served) -> None:
    assert served.reader_before == 0
    assert served.reader_after == 0  # the old copy, unchanged, while the run published a new one


def test_schedules_stay_active_on_the_server_after_serving_stops(served: Served) -> None:
    with _client(served) as client:
        sweep = client.read_deployment_by_name("pipeline/inbox-sweep")
        report = client.read_deployment_by_name("nightly-report/nightly-report")
    assert not sweep.paused and not report.paused
    assert all(s.active for s in sweep.schedules + report.schedules)
    assert sweep.global_concurrency_limit.limit == report.global_concurrency_limit.limit == 1
    assert report.schedules[0].schedule.cron == "30 2 * * *"


def test_each_run_publishes_a_summary_and_a_report_link(served: Served) -> None:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with _client(served) as client:
        summaries = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["followup-run-summary"]))
        )
        links = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["followup-report"]))
        )
    texts = [str(a.data) for a in summaries]
    assert any(f"rows loaded: {served.notes_expected}" in t or "rows loaded" in t for t in texts)
    assert any("quarantined" in t and "run time" in t and "generic" in t for t in texts)
    assert links and all("file://" in str(a.data) for a in links)


@contextmanager
def _client(served: Served) -> Iterator[SyncPrefectClient]:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: served.api_url}), get_client(sync_client=True) as c:
        yield c
