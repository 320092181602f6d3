"""The warehouse's Great Expectations project, served by a process of its own during the ingest.

GX costs about 3 s of CPU to import, and validating batches and rendering Data Docs are Python
work too. In the run's process all of it would share one interpreter lock with the parsing,
redaction and everything else the run does (a background import only moves the cost around); in
a process of its own it runs on the machine's other core. ``followup run`` starts the process
first thing, so GX imports while the run imports and sets up.

The process lives only as long as the ingest needs it (``stop``): the tag stage, which needs the
memory, never runs beside it. It is spawned, not forked: the run's process holds threads
(Prefect's, the warm-up), and a fresh interpreter needs nothing of its state.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import dataclasses
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from transforms.parse import Contract
from transforms.quality import SuiteResult, file_context, rule_columns, validate_rows

T = TypeVar("T")


class GxProject:
    """A file-backed GX project served by one worker process; validation results are kept."""

    def __init__(self, project_dir: Path) -> None:
        self.project_dir = project_dir
        self._worker = self._start_worker()

    def _start_worker(self) -> ProcessPoolExecutor:
        worker = ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_open_project,
            initargs=(str(self.project_dir),),
        )
        worker.submit(int)  # start the worker (and its GX import) now, not on first use
        return worker

    def _submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run `fn` in the worker. A worker that died (say, killed for memory) failed the task
        that was running; the task's retry then gets a new worker here."""
        try:
            return self._worker.submit(fn, *args)
        except BrokenProcessPool:
            self._worker = self._start_worker()
            return self._worker.submit(fn, *args)

    def submit(
        self, rows: pl.DataFrame, contract: Contract, now: datetime, run_name: str | None
    ) -> Future[SuiteResult]:
        """``transforms.quality.validate_rows`` in the project, started now; the future's result
        has no ``gx_result``. Only the checked columns cross to the worker, not the notes' text."""
        checked = rule_columns(rows, contract)
        return self._submit(_validate, checked, contract, now, run_name)

    def build_data_docs(self, since: datetime | None) -> None:
        """Render the Data Docs of the validations made since `since`; None: the whole site."""
        self._submit(_build_data_docs, since).result()

    def close(self) -> None:
        """Let the worker end, without waiting (it exits at once, see ``_open_project``; one still
        importing GX finishes that first). Killing it instead would leave the semaphores it
        registered to a warning at exit."""
        self._worker.shutdown(wait=False, cancel_futures=True)


_projects: dict[Path, GxProject] = {}
_lock = threading.Lock()


def start(project_dir: Path) -> GxProject:
    """The project's process: started on the first call, then the same one until ``stop``."""
    key = project_dir.resolve()
    with _lock:
        project = _projects.get(key)
        if project is None:
            project = _projects[key] = GxProject(project_dir)
        return project


def stop(project_dir: Path) -> None:
    """End the project's process, if one is running (its memory goes back to the system)."""
    with _lock:
        project = _projects.pop(project_dir.resolve(), None)
    if project is not None:
        project.close()


# In the worker process: the project's context, opened once.
_context: Any = None


def _open_project(project_dir: str) -> None:
    global _context
    _context = file_context(project_dir)
    # At exit, skip tearing down the interpreter and its thousands of GX objects (about 0.9 s of
    # CPU, beside the tag stage). By then multiprocessing has run its own finalizers (semaphores
    # included), and every result was written when its task returned.
    atexit.register(os._exit, 0)


def _validate(
    rows: pl.DataFrame, contract: Contract, now: datetime, run_name: str | None
) -> SuiteResult:
    result = validate_rows(rows, contract, now, context=_context, run_name=run_name)
    result = dataclasses.replace(result, gx_result=None)
    _release_memory()
    return result


def _build_data_docs(since: datetime | None) -> None:
    """Pages of earlier runs' validations are already built and do not change: only the suites,
    the new validations and the index are rendered (all of it for a new site: `since` None)."""
    if since is None:
        _context.build_data_docs()
    else:
        new = [
            key
            for key in _context.validation_results_store.list_keys()
            if key.run_id.run_time >= since
        ]
        suites = _context.expectations_store.list_keys()
        _context.build_data_docs(resource_identifiers=[*suites, *new])
    _release_memory()


def _release_memory() -> None:
    """Hand freed memory back to the system: each validation's pandas frames and results are
    freed, but glibc keeps their pages (measured on 1M notes: 560 MiB peak without, 460 with)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim with
        ctypes.CDLL("libc.so.6").malloc_trim(0)
