"""Benchmark the real pipeline flow: full run, no-op re-run, incremental run.

    python bench/pipeline.py --notes 1000000 [--processes 2] [--keep DIR [--reuse]]

Generates N notes in a fresh folder, starts one local Prefect server (as `followup serve` users
have), then runs the `pipeline` flow three times, each in a fresh process: on the whole inbox, again
on the same inbox (nothing new), and after 10,000 new notes arrive. Prints per-stage wall time,
rows per second, the peak RSS of the run process and the peak memory of the run's processes
together (the run, its tagger workers and its Great Expectations process; summed as PSS).

The runs keep Python's bytecode cache (in DIR/pycache) even where PYTHONDONTWRITEBYTECODE is set,
as an ordinary install does: the full run compiles what it imports, later runs load the bytecode.
`--no-bytecode-cache` measures every run compiling from source instead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
INCREMENT = 10_000

# Runs in a fresh process so that its peak RSS is the run's own.
RUNNER = """
import json, resource, sys, time
started = time.monotonic()
from pathlib import Path
root, processes = Path(sys.argv[1]), int(sys.argv[2])
# As `followup run` does: Great Expectations starts importing in its own process first.
from flows import gx_process
from flows.settings import gx_project_dir
gx_process.start(gx_project_dir(root / "warehouse.duckdb"))
from flows.pipeline import pipeline
imported = time.monotonic()
result = pipeline(inbox=root / "inbox", warehouse=root / "warehouse.duckdb",
                  reports=root / "reports", published=root / "published", n_process=processes)
done = time.monotonic()
print(json.dumps({
    "imports": imported - started, **result.stage_seconds, "total": done - started,
    "rows_loaded": sum(f.rows_loaded for f in result.files), "tagged": result.notes_tagged,
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "child_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_prefect(home: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_LOGGING_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"{url}/health", timeout=1)
            return server, {**env, "PREFECT_API_URL": url}
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the Prefect server did not start")


def _run_env(root: Path, env: dict[str, str], bytecode_cache: bool) -> dict[str, str]:
    run_env = {**env, "PYTHONPATH": str(ROOT)}
    if bytecode_cache:
        run_env.pop("PYTHONDONTWRITEBYTECODE", None)
        run_env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    return run_env


def _run(root: Path, processes: int, env: dict[str, str]) -> dict[str, float]:
    """One run in a fresh process; adds the peak memory of the run and all its child processes
    together (``tree_peak_mib``), sampled every 0.2 s."""
    run = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(root), str(processes)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, _tree_pss_mib(run.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = run.communicate()
    done.set()
    sampler.join()
    if run.returncode:
        raise subprocess.CalledProcessError(run.returncode, run.args, out, err)
    return {**json.loads(out.strip().splitlines()[-1]), "tree_peak_mib": peak}


def _tree_pss_mib(root_pid: int) -> float:
    """Memory of a process and its descendants (MiB): the sum of their PSS, in which pages that
    forked workers share with their parent count once, not once per process."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
        children.setdefault(ppid, []).append(int(stat.parent.name))
    total_kib, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                pss = next(line for line in rollup if line.startswith("Pss:"))
            total_kib += int(pss.split()[1])
        except (OSError, StopIteration):
            continue
    return total_kib / 1024


def _prepare_inbox(root: Path, notes: int, seed: int, *, reuse: bool) -> None:
    """Generate the inbox, or keep one generated before with the same size and seed."""
    marker = root / "generated.json"
    wanted = {"notes": notes, "seed": seed}
    for name in (
        "warehouse.duckdb",
        "warehouse.duckdb.wal",
        "warehouse.duckdb.writer.lock",
        "warehouse.duckdb.before-run",
        "warehouse.duckdb.inbox-scans.json",
    ):
        (root / name).unlink(missing_ok=True)
    for name in ("warehouse_gx", "reports", "published", "prefect-home", "pycache", "increment"):
        shutil.rmtree(root / name, ignore_errors=True)
    for extra in (root / "inbox").glob("*_increment*"):
        extra.unlink()
    if reuse and marker.exists() and json.loads(marker.read_text()) == wanted:
        print(f"reusing the {notes:,} notes generated under {root}")
        return
    marker.unlink(missing_ok=True)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "flows.cli", "sample", "--out", str(root),
         "--notes", str(notes), "--seed", str(seed)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    marker.write_text(json.dumps(wanted))
    print(f"generated {notes:,} notes in {time.monotonic() - started:.1f}s under {root}")


def _add_new_notes(root: Path, seed: int) -> None:
    """10,000 notes (and outcomes) with ids the inbox has not seen, as new batch files."""
    from flows.sample_writer import write_frame, write_sample

    extra = write_sample(root / "increment", INCREMENT, seed, n_batches=1)
    for path in extra.notes_files + extra.outcomes_files:
        frame = _read(path)
        ids = [c for c in ("note_id", "interview_id", "candidate_id") if c in frame.columns]
        frame = frame.with_columns(pl.format("inc-{}", pl.col(c)).alias(c) for c in ids)
        target = root / "inbox" / f"{path.stem}_increment{path.suffix}"
        write_frame(frame, target)


def _read(path: Path) -> pl.DataFrame:
    if path.suffix == ".csv":
        return pl.read_csv(path, infer_schema=False)
    return pl.read_ndjson(path) if path.suffix == ".jsonl" else pl.read_parquet(path)


def _print(name: str, figures: dict[str, float], rows: int) -> None:
    stages = ("imports", "ingest", "tag", "publish", "total")
    cells = "  ".join(f"{s} {figures.get(s, 0):6.1f}s" for s in stages)
    rate = rows / figures["total"] if figures["total"] else 0
    print(
        f"{name:<12} {cells}  {rate:9,.0f} rows/s  peak RSS {figures['peak_rss_mib']:6.0f} MiB"
        f", all processes {figures['tree_peak_mib']:6.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: reuse the notes an earlier bench generated there (same --notes and "
        "--seed); everything else in the folder is started afresh",
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="runs compile every module from source (as with PYTHONDONTWRITEBYTECODE=1)",
    )
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="followup-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    _prepare_inbox(root, args.notes, args.seed, reuse=args.reuse and args.keep is not None)
    server, env = _start_prefect(root / "prefect-home")
    env = _run_env(root, env, not args.no_bytecode_cache)
    try:
        full = _run(root, args.processes, env)
        _print("full run", full, args.notes)
        noop = _run(root, args.processes, env)
        _print("no-op", noop, 0)
        _add_new_notes(root, args.seed + 1)
        incremental = _run(root, args.processes, env)
        _print("incremental", incremental, INCREMENT)
        print(
            f"no-op / full = {noop['total'] / full['total']:.1%}; "
            f"incremental {incremental['total']:.1f}s; tagged {full['tagged']:,} + "
            f"{incremental['tagged']:,}; machine load {os.getloadavg()[0]:.1f}; bytecode cache "
            f"{'off' if args.no_bytecode_cache else 'on'}"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
