"""The DuckDB warehouse file: connect, and build its tables and views from sql/."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

import duckdb

from flows.settings import SQL_DIR

# Researchers open the warehouse with the DuckDB CLI from PyPI, which reads this storage version.
STORAGE_VERSION = "v1.5.0"
# DuckDB spills to disk beyond this, so a large file's staging does not grow the process.
MEMORY_LIMIT = os.environ.get("FOLLOWUP_DUCKDB_MEMORY_LIMIT", "512MB")


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, creating it with the schema if it does not exist yet.

    The DDL is applied again only when sql/ has changed since it was last applied to this file:
    re-running every CREATE and COMMENT costs a noticeable time, and a run connects many times.
    """
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    con.execute("set time zone 'UTC'")
    con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
    if _applied_version(con) != ddl_version():
        apply_schema(con)
    return con


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Run every DDL file (tables, marts, views, then comments) in name order; all idempotent."""
    for sql_file in _ddl_files():
        con.execute(sql_file.read_text())
    con.execute("delete from schema_version")
    con.execute("insert into schema_version values (?, now())", [ddl_version()])


@cache
def ddl_version() -> str:
    """SHA-256 over the names and text of the DDL files, in the order they are applied."""
    digest = hashlib.sha256()
    for sql_file in _ddl_files():
        digest.update(f"{sql_file.parent.name}/{sql_file.name}\n".encode())
        digest.update(sql_file.read_bytes())
    return digest.hexdigest()


def _ddl_files() -> list[Path]:
    return [
        sql_file
        for folder in ("tables", "marts", "views", "docs")
        for sql_file in sorted((SQL_DIR / folder).glob("*.sql"))
    ]


def _applied_version(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        [(version,)] = con.execute("select max(version) from main.schema_version").fetchall()
    except duckdb.CatalogException:  # a new file, or one built before schema_version existed
        return None
    return version


def sql_text(relative: str) -> str:
    return (SQL_DIR / relative).read_text()


def execute_script(
    con: duckdb.DuckDBPyConnection, relative: str, params: list | None = None
) -> None:
    """Run a .sql file of several statements, each with the same parameters."""
    for statement in _statements(sql_text(relative)):
        con.execute(statement, params or [])


def _statements(text: str) -> list[str]:
    """Statements of a script; whole-line comments are dropped first (they may hold a ';')."""
    code = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("--"))
    return [s.strip() for s in code.split(";") if s.strip()]
