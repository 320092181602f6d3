"""SIGKILL during a load, then a re-run: the warehouse ends exactly as after a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.sample_writer import write_sample

# Loads every inbox file with the real task code (without a Prefect server, so a kill is cheap).
LOADER = """
import sys
from pathlib import Path
from tests.loading import ingest_without_server
ingest_without_server(
    Path(sys.argv[1]), Path(sys.argv[2]), lambda name: print("loading", name, flush=True)
)
"""

STATE = {
    "notes": "select * exclude (row_number) from notes",
    "outcome_events": "select * exclude (arrival_seq) from outcome_events",
    "quarantine": "select * from quarantine",
    "redaction_counts": "select * from redaction_counts",
    "batch_accounting": "select file_hash, file_name, rows_read, rows_loaded, rows_quarantined "
    "from batch_accounting",
}


def _load(inbox: Path, warehouse: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LOADER, str(inbox), str(warehouse)],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        stdout=subprocess.PIPE,
        text=True,
    )


def _kill_during_load(process: subprocess.Popen[str], nth: int) -> None:
    """SIGKILL just after the loader starts the transaction of its nth file."""
    assert process.stdout is not None
    started = 0
    for line in process.stdout:
        started += line.startswith("loading")
        if started == nth:
            time.sleep(0.05)
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def _state(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {name: sorted(con.execute(q).fetchall(), key=repr) for name, q in STATE.items()}


def _files_loaded(warehouse: Path) -> int:
    if not warehouse.exists():
        return 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select count(*) from batch_accounting").fetchall()[0][0]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crash")
    return write_sample(root, n_notes=15_000, seed=5, n_batches=3).inbox


@pytest.fixture(scope="module")
def clean_state(inbox: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    warehouse = tmp_path_factory.mktemp("clean") / "warehouse.duckdb"
    assert _load(inbox, warehouse).wait(timeout=600) == 0
    return _state(warehouse)


@pytest.mark.parametrize("nth", [1, 3, 6])
def test_sigkill_mid_load_then_rerun_equals_a_clean_run(
    inbox: Path, clean_state: dict[str, list[tuple]], tmp_path: Path, nth: int
) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    _kill_during_load(_load(inbox, warehouse), nth)
    # The killed file's transaction never committed: only the files before it are recorded.
    assert _files_loaded(warehouse) in (nth - 1, nth)
    assert _load(inbox, warehouse).wait(timeout=600) == 0
    assert _state(warehouse) == clean_state
