"""Import the heavy libraries a run needs later in a background thread, while it does I/O first.

statsmodels and spaCy cost about a second to import, building the tagger half a second, and
vl-convert's first chart a second to start its JavaScript engine (Great Expectations imports in a
process of its own, see flows.gx_process). A run starts with work
that waits on files, DuckDB and the Prefect API, so these overlap it; the first code that needs
one calls `wait(step)` (never imports it concurrently with this thread).
"""

from __future__ import annotations

import importlib
import logging
import threading

CHARTS = "charts"
TAGGER = "tagger"
RUN_STEPS = (
    TAGGER,
    "statsmodels.genmod.generalized_linear_model",
    "statsmodels.genmod.families",
    "statsmodels.stats.proportion",
    "statsmodels.stats.multitest",
    CHARTS,
)

_lock = threading.Lock()
_done: dict[str, threading.Event] = {}


def start(steps: tuple[str, ...] = RUN_STEPS) -> None:
    """Run `steps` (module names, or CHARTS) in a daemon thread; once per process."""
    with _lock:
        if _done:
            return
        _done.update((step, threading.Event()) for step in steps)
    threading.Thread(target=_run, args=(steps,), name="followup-warmup", daemon=True).start()


def wait(step: str | None = None) -> None:
    """Block until `step` (None: every step) is done, if a warm-up was started."""
    with _lock:
        events = list(_done.values()) if step is None else [_done[step]] if step in _done else []
    for event in events:
        event.wait()


def _run(steps: tuple[str, ...]) -> None:
    for step in steps:
        try:
            if step == CHARTS:
                from transforms.charts import warm_up

                warm_up()
            elif step == TAGGER:
                from transforms.tagger import load_tagger

                load_tagger()  # builds the rule matchers (half a second) during the ingest
            else:
                importlib.import_module(step)
        except Exception:  # the real use raises it again, in context
            logging.getLogger(__name__).debug("warm-up step %s failed", step, exc_info=True)
        finally:
            _done[step].set()
