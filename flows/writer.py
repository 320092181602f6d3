"""One writer at a time: an exclusive lock file next to the warehouse.

The hourly sweep, the nightly report, a backfill and a manual `followup run` may run in different
processes; DuckDB lets only one process open the file for writing, so each waits here for its turn
instead of failing on DuckDB's own lock.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.warehouse import connect

# A sweep that waits longer than this for another writer gives up and says so.
DEFAULT_TIMEOUT_S = 3 * 3600.0


class WriterBusy(TimeoutError):
    """Another run held the warehouse for longer than this run was willing to wait."""


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".writer.lock")


@contextmanager
def writer_lock(warehouse: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> Iterator[None]:
    """Hold the warehouse's writer lock; wait (polling) for it up to `timeout_s` seconds."""
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    with path.open("a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WriterBusy(f"another run is writing {warehouse}") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def restore_on_failure(warehouse: Path) -> Iterator[None]:
    """If the block raises, put the warehouse file back as it was before the block.

    Call it while holding the writer lock and with no connection open: the file is checkpointed and
    copied first, and on failure the copy replaces the file (and any write-ahead log is dropped).
    """
    backup = warehouse.with_name(warehouse.name + ".before-run")
    wal = warehouse.with_name(warehouse.name + ".wal")
    existed = warehouse.exists()
    if existed:
        with connect(warehouse) as con:
            con.execute("checkpoint")
        shutil.copyfile(warehouse, backup)
    try:
        yield
    except BaseException:
        wal.unlink(missing_ok=True)
        if existed:
            os.replace(backup, warehouse)
        else:
            warehouse.unlink(missing_ok=True)
        raise
    backup.unlink(missing_ok=True)
