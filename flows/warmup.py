"""Import the heavy libraries a run needs later in a background thread, while it does I/O first.

Great Expectations and statsmodels cost seconds to import. A run starts with work that waits on
files, DuckDB and the Prefect API, so their import overlaps it; the first code that needs them
calls `wait()` (never imports them concurrently with this thread).
"""

from __future__ import annotations

import importlib
import logging
import threading

RUN_MODULES = (
    "great_expectations",
    "statsmodels.genmod.generalized_linear_model",
    "statsmodels.genmod.families",
    "statsmodels.stats.proportion",
    "statsmodels.stats.multitest",
)

_lock = threading.Lock()
_thread: threading.Thread | None = None


def start(modules: tuple[str, ...] = RUN_MODULES) -> None:
    """Start importing `modules` in a daemon thread (once per process; later calls do nothing)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(
                target=_import_all, args=(modules,), name="followup-warmup", daemon=True
            )
            _thread.start()


def wait() -> None:
    """Block until the warm-up, if one was started, has finished."""
    with _lock:
        thread = _thread
    if thread is not None:
        thread.join()


def _import_all(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # the import where the module is used raises it again, in context
            logging.getLogger(__name__).debug("warm-up import of %s failed", name, exc_info=True)
