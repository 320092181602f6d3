"""Session-wide set-up: Prefect runs against one temporary local server in a throwaway home."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from transforms.tagger import Tagger

# Before Prefect is imported anywhere: keep its database and settings out of the user's home.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="followup-prefect-"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    """The tagger built from its config (built once per process, see load_tagger)."""
    from transforms.tagger import load_tagger  # spaCy loads only for the tests that tag

    return load_tagger()


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """One temporary Prefect server for every test that runs a real flow."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
