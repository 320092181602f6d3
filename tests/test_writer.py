"""restore_on_failure: the warehouse is put back after a failed block, kept aside cheaply."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.warehouse import connect
from flows.writer import record_copy, restore_on_failure


def _published(tmp_path: Path) -> tuple[Path, Path]:
    """A warehouse with one run recorded and an exact published copy of it."""
    warehouse, copy = tmp_path / "w.duckdb", tmp_path / "published" / "w.duckdb"
    with connect(warehouse) as con:
        con.execute("insert into runs values ('r1', now(), now(), 'completed', 0, 0, null)")
    copy.parent.mkdir()
    staged = copy.with_name(".staged")
    shutil.copyfile(warehouse, staged)
    record_copy(warehouse, staged, copy)
    staged.rename(copy)
    return warehouse, copy


def _runs(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        [(runs,)] = con.execute("select count(*) from runs").fetchall()
    return int(runs)


def _fail_after_a_write(warehouse: Path, copy: Path) -> None:
    with pytest.raises(RuntimeError), restore_on_failure(warehouse, copy):
        with connect(warehouse) as con:
            con.execute("insert into runs values ('r2', now(), null, 'running', 0, 0, null)")
        raise RuntimeError("the run failed")


def test_an_exact_published_copy_is_linked_not_copied(tmp_path: Path) -> None:
    warehouse, copy = _published(tmp_path)
    with restore_on_failure(warehouse, copy):
        backup = warehouse.with_name(warehouse.name + ".before-run")
        assert backup.stat().st_ino == copy.stat().st_ino


def test_a_warehouse_written_since_the_copy_is_copied(tmp_path: Path) -> None:
    warehouse, copy = _published(tmp_path)
    with connect(warehouse) as con:
        con.execute("insert into runs values ('r0', now(), now(), 'completed', 0, 0, null)")
    with restore_on_failure(warehouse, copy):
        backup = warehouse.with_name(warehouse.name + ".before-run")
        assert backup.stat().st_ino != copy.stat().st_ino


def test_a_failure_puts_the_warehouse_back_from_the_linked_copy(tmp_path: Path) -> None:
    warehouse, copy = _published(tmp_path)
    _fail_after_a_write(warehouse, copy)
    assert _runs(warehouse) == 1


def test_the_restored_warehouse_does_not_share_the_published_file(tmp_path: Path) -> None:
    warehouse, copy = _published(tmp_path)
    _fail_after_a_write(warehouse, copy)
    with connect(warehouse) as con:
        con.execute("insert into runs values ('r3', now(), now(), 'completed', 0, 0, null)")
    assert (_runs(warehouse), _runs(copy)) == (2, 1)
