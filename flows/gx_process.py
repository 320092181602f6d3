"""The warehouse's Great Expectations project, run in a process of its own.

GX costs about 3 s of CPU to import, and validating batches and rendering Data Docs are Python
work too. In the run's process all of it would share one interpreter lock with everything else
the run does (a background import only moves the cost around); in a process of its own it runs on
the machine's other core. A run starts the process first thing (``start``), so GX imports while
the run sets up, and the run's own warm-up (tagger, statistics) is done meanwhile.

The process is spawned, not forked: the run's process holds threads (Prefect's, the warm-up), and
a fresh interpreter needs nothing of its state.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from transforms.parse import Contract
from transforms.quality import SuiteResult, file_context, validate_rows


class GxProject:
    """A file-backed GX project served by one worker process (validation results kept)."""

    def __init__(self, project_dir: Path) -> None:
        self.project_dir = project_dir
        self._worker = ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_open_project,
            initargs=(str(project_dir),),
        )
        self._worker.submit(int)  # start the worker (and its GX import) now, not on first use

    def validate(
        self, rows: pl.DataFrame, contract: Contract, now: datetime, run_name: str | None
    ) -> SuiteResult:
        """``transforms.quality.validate_rows`` in the project (``gx_result`` is not sent back)."""
        return self._worker.submit(_validate, rows, contract, now, run_name).result()

    def build_data_docs(self, since: datetime | None) -> None:
        """Render the Data Docs of the validations made since `since`; None: the whole site."""
        self._worker.submit(_build_data_docs, since).result()

    def close(self) -> None:
        self._worker.shutdown()


_projects: dict[Path, GxProject] = {}
_lock = threading.Lock()


def start(project_dir: Path) -> GxProject:
    """The project's process, started on first call and kept for the rest of this process."""
    key = project_dir.resolve()
    with _lock:
        project = _projects.get(key)
        if project is None:
            project = _projects[key] = GxProject(project_dir)
        return project


# In the worker process: the project's context, opened once.
_context: Any = None


def _open_project(project_dir: str) -> None:
    global _context
    _context = file_context(project_dir)


def _validate(
    rows: pl.DataFrame, contract: Contract, now: datetime, run_name: str | None
) -> SuiteResult:
    result = validate_rows(rows, contract, now, context=_context, run_name=run_name)
    return dataclasses.replace(result, gx_result=None)


def _build_data_docs(since: datetime | None) -> None:
    """Pages of earlier runs' validations are already built and do not change: only the suites,
    the new validations and the index are rendered (all of it for a new site: `since` None)."""
    if since is None:
        _context.build_data_docs()
        return
    new = [
        key for key in _context.validation_results_store.list_keys() if key.run_id.run_time >= since
    ]
    suites = _context.expectations_store.list_keys()
    _context.build_data_docs(resource_identifiers=[*suites, *new])
