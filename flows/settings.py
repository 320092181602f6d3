"""Where Followup reads and writes, derived once. Environment variables override the defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "sql"
# The hand-labelled notes the tagger is scored on (see data/gold/LABELLING.md).
GOLD_NOTES = PROJECT_ROOT / "data" / "gold" / "notes.jsonl"


@dataclass(frozen=True)
class Paths:
    inbox: Path
    warehouse: Path
    reports: Path
    published: Path

    @classmethod
    def from_env(
        cls,
        inbox: Path | None = None,
        warehouse: Path | None = None,
        reports: Path | None = None,
        published: Path | None = None,
    ) -> Paths:
        """Explicit arguments win, then FOLLOWUP_* variables, then the project's data/ folder."""
        data = PROJECT_ROOT / "data"
        return cls(
            inbox=inbox or _env_path("FOLLOWUP_INBOX", data / "inbox"),
            warehouse=warehouse or _env_path("FOLLOWUP_WAREHOUSE", data / "warehouse.duckdb"),
            reports=reports or _env_path("FOLLOWUP_REPORTS", PROJECT_ROOT / "reports"),
            published=published or _env_path("FOLLOWUP_PUBLISHED", data / "published"),
        )


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def gx_project_dir(warehouse: Path) -> Path:
    """The Great Expectations project (validation results, Data Docs) beside the warehouse."""
    return warehouse.parent / f"{warehouse.stem}_gx"


def inbox_scans_path(warehouse: Path) -> Path:
    """Content hashes of the inbox files already scanned (flows.inbox.ScanCache), beside it."""
    return warehouse.with_name(f"{warehouse.name}.inbox-scans.json")


def data_docs_index(warehouse: Path) -> Path:
    return (
        gx_project_dir(warehouse) / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    )
