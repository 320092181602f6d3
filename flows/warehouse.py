"""The DuckDB warehouse file: connect, and build its tables and views from sql/."""

from __future__ import annotations

from pathlib import Path

import duckdb

from flows.settings import SQL_DIR

# Researchers open the warehouse with the DuckDB CLI from PyPI, which reads this storage version.
STORAGE_VERSION = "v1.5.0"


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, creating it with the schema if it does not exist yet."""
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    con.execute("set time zone 'UTC'")
    apply_schema(con)
    return con


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Run every DDL file (tables, marts, views, then comments) in name order; all idempotent."""
    for folder in ("tables", "marts", "views", "docs"):
        for sql_file in sorted((SQL_DIR / folder).glob("*.sql")):
            con.execute(sql_file.read_text())


def sql_text(relative: str) -> str:
    return (SQL_DIR / relative).read_text()
