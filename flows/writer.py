"""One writer at a time: an exclusive lock file next to the warehouse.

The hourly sweep, the nightly report, a backfill and a manual `followup run` may run in different
processes; DuckDB lets only one process open the file for writing, so each waits here for its turn
instead of failing on DuckDB's own lock.
"""

from __future__ import annotations

import fcntl
import json
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
def restore_on_failure(warehouse: Path, published_copy: Path | None = None) -> Iterator[None]:
    """If the block raises, put the warehouse file back as it was before the block.

    Call it while holding the writer lock and with no connection open: the file is checkpointed and
    kept aside first, and on failure put back (and any write-ahead log is dropped). Keeping it
    aside is a copy, unless `published_copy` is still an exact copy of it (see record_copy):
    then a hard link to that copy serves, and only a failure costs a copy.
    """
    backup = warehouse.with_name(warehouse.name + ".before-run")
    wal = warehouse.with_name(warehouse.name + ".wal")
    existed = warehouse.exists()
    if existed:
        with connect(warehouse) as con:
            con.execute("checkpoint")
        _keep_aside(warehouse, backup, published_copy)
    try:
        yield
    except BaseException:
        wal.unlink(missing_ok=True)
        if existed:
            _put_back(backup, warehouse)
        else:
            warehouse.unlink(missing_ok=True)
        raise
    backup.unlink(missing_ok=True)


def record_copy(warehouse: Path, staged: Path, copy: Path) -> None:
    """Note that `staged`, to be renamed to `copy`, was just made from the closed `warehouse`.

    A rename keeps the inode, so the note holds for `copy` once it is in place, for as long as
    neither file is written (restore_on_failure checks that).
    """
    stamp = {"warehouse": _identity(warehouse), "copy": _identity(staged)}
    _stamp_path(copy).write_text(json.dumps(stamp))


def _keep_aside(warehouse: Path, backup: Path, published_copy: Path | None) -> None:
    backup.unlink(missing_ok=True)
    if published_copy is not None and _is_exact_copy(warehouse, published_copy):
        # Publishing replaces the copy by rename, so the link keeps today's content.
        os.link(published_copy, backup)
    else:
        shutil.copyfile(warehouse, backup)


def _put_back(backup: Path, warehouse: Path) -> None:
    if backup.stat().st_nlink > 1:  # still the published copy: the warehouse must not share it
        shutil.copyfile(backup, warehouse)
        backup.unlink()
    else:
        os.replace(backup, warehouse)


def _is_exact_copy(warehouse: Path, copy: Path) -> bool:
    """Neither file was written since record_copy (same inode, size and modification time)."""
    try:
        stamp = json.loads(_stamp_path(copy).read_text())
        current = {"warehouse": _identity(warehouse), "copy": _identity(copy)}
    except (OSError, ValueError):
        return False
    return bool(stamp == current)


def _identity(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def _stamp_path(copy: Path) -> Path:
    return copy.with_name(f".{copy.name}.source.json")
