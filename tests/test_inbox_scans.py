"""ScanCache: an inbox file not written since its last scan is not read again."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import inbox


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _refuse_to_read(path: Path) -> inbox.FileScan:
    raise AssertionError(f"{path} was read again")


def test_an_unchanged_file_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = _write(tmp_path / "notes_1.csv", "note_id\nn1\n")
    first = inbox.ScanCache(tmp_path / "scans.json")
    expected = first.scan(note)
    first.save()
    monkeypatch.setattr(inbox, "scan_file", _refuse_to_read)
    assert inbox.ScanCache(tmp_path / "scans.json").scan(note) == expected


def test_a_rewritten_file_is_scanned_again(tmp_path: Path) -> None:
    note = _write(tmp_path / "notes_1.csv", "note_id\nn1\n")
    cache = inbox.ScanCache(tmp_path / "scans.json")
    before = cache.scan(note)
    cache.save()
    _write(note, "note_id\nn2\n")
    after = inbox.ScanCache(tmp_path / "scans.json").scan(note)
    assert after == inbox.scan_file(note) != before


def test_a_corrupt_cache_file_means_scanning_afresh(tmp_path: Path) -> None:
    note = _write(tmp_path / "notes_1.csv", "note_id\nn1\n")
    _write(tmp_path / "scans.json", "{not json")
    assert inbox.ScanCache(tmp_path / "scans.json").scan(note) == inbox.scan_file(note)
