"""Throughput of the note tagger: spaCy tokenizer alone vs the full tagger (1 and N processes).

    .venv/bin/python bench/tagger.py --notes 20000
    .venv/bin/python bench/tagger.py --jsonl data/gold/notes.jsonl data/gold/more/*.jsonl

Notes are assembled here from a few dozen sentences combined at random (the sample generator
is deliberately not used). The tagger is timed through ``Tagger.tag_compact``, the call the
pipeline makes (``transforms.note_tags``): language, features and evidence of every note.
Targets on a 2-core machine: full tagger >= 50% of tokenizer-only throughput single-process,
and >= 1.6x that with two processes. The three runs take turns for --rounds rounds (default 5);
rates and ratios are medians over the rounds, each ratio taken within its round, because a
single run on a shared machine can be off by a third.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path
from statistics import median

from transforms.tagger import load_tagger

OPENINGS = [
    "Dear [NAME],",
    "Hi [NAME],",
    "Hello,",
    "Hi team,",
    "Good afternoon,",
    "",
    "Dear Ms. Rivera,",
]
BODY = [
    "Thank you for taking the time to meet with me today.",
    "Thanks so much for the interview yesterday.",
    "thx for ur time!!",
    "I really enjoyed learning about the billing migration you mentioned.",
    "Your point about on-call fatigue stuck with me.",
    "I'm thrilled about the chance to join the Payments team.",
    "I can't wait to get started.",
    "In my role at a logistics startup I led the move from cron jobs to Airflow.",
    "My 6 years of backend work in Go would help your team ship faster.",
    "I would be a great fit for this role.",
    "I remain very interested in the position.",
    "I sent a small fruit basket to the office as a thank you.",
    "Thank you for the gift of your time.",
    "I look forward to meeting you today.",
    "I look forward to hearing back about next steps.",
    "I left this note with the receptionist on my way out.",
    "Your receptionist was very welcoming.",
    "Cutting checkout latency by 40% is an impressive goal.",
    'I keep thinking about your phrase "ship small, ship often".',
    "We discussed how the data team supports the 3 regional offices.",
    "I have built dashboards in Looker for the finance team.",
    "I definately appriciate the oppurtunity.",
    "<p>I <b>really</b> enjoyed our conversation.</p>",
    "I am excited about the [Role] position at {company}.",
    "Please let me know if you need anything else from me.",
    "I hope to hear from you soon.",
    "It was great to meet everyone on the panel.",
    "The whiteboard exercise on rate limiting was a lot of fun.",
    "I didn't send a gift, just this note.",
    "On my way out I noticed the award wall in the lobby.",
    "I believe my experience with SQL and Python aligns with the role.",
    "Talking with you about the Q3 roadmap was the highlight of my week.",
]
CLOSINGS = ["Best,\n[NAME]", "Kind regards,\n[NAME]", "Thanks again!", "Cheers", "", "Sincerely,"]
FOREIGN = [
    "Muchas gracias por la entrevista de hoy, fue un placer conocerle.",
    "Vielen Dank für das angenehme Gespräch heute.",
]


def make_notes(n: int, seed: int = 13) -> list[str]:
    """n varied notes: opening, 1–7 body sentences, closing; a few foreign or empty."""
    rng = random.Random(seed)
    notes = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.01:
            notes.append("")
        elif roll < 0.03:
            notes.append(rng.choice(FOREIGN))
        else:
            body = " ".join(rng.sample(BODY, rng.randint(1, 7)))
            notes.append("\n\n".join(p for p in (rng.choice(OPENINGS), body,
                                                 rng.choice(CLOSINGS)) if p))  # fmt: skip
    return notes


def read_notes(paths: list[Path], n: int) -> list[str]:
    """The texts of JSON Lines files (labelled notes, say), repeated or cut to n."""
    texts = [json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8")]
    return list(islice(cycle(texts), n))


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call, from a collected heap."""
    gc.collect()  # each run starts from a collected heap, whatever the run before left
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _print(name: str, walls: list[float], cpus: list[float], n_notes: int, n_words: int) -> None:
    """Median wall-clock rates over the rounds, their range, and the rate per CPU-second.

    The CPU-second rate is what to compare on a shared machine: other jobs slow the wall
    clock, not the CPU time. For the multi-process run only the wall clock is meaningful.
    """
    wall = median(walls)
    print(
        f"{name:<20} {n_notes / wall:>9,.0f} notes/s {n_words / wall:>11,.0f} words/s"
        f"  (rounds {n_notes / max(walls):,.0f}-{n_notes / min(walls):,.0f})"
        f"  | {n_notes / median(cpus):>9,.0f} notes/cpu-s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--notes", type=int, default=20000, help="number of notes (default 20000)")
    parser.add_argument("--processes", type=int, default=2, help="processes for the parallel run")
    parser.add_argument(
        "--rounds", type=int, default=5, help="rounds of the three runs; medians are printed"
    )
    parser.add_argument(
        "--jsonl",
        nargs="+",
        type=Path,
        help="time these notes instead (the 'text' of each JSON line, repeated up to --notes)",
    )
    args = parser.parse_args()
    notes = read_notes(args.jsonl, args.notes) if args.jsonl else make_notes(args.notes)
    words = sum(len(t.split()) for t in notes)
    tagger = load_tagger()
    tagger.tag_texts(notes[:200])  # warm-up: lazy spaCy/matcher set-up is not measured
    # The worker pool is started once per tagger and reused: its start-up is not measured.
    tagger.tag_texts(notes[:4000], n_process=args.processes)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())  # other jobs on the machine
    print(f"{args.notes} notes, {words} words, tagger {tagger.version}, load average {load}")
    tokenizer = tagger.nlp.tokenizer
    runs: dict[str, Callable[[], object]] = {
        "tokenizer only": lambda: list(tokenizer.pipe(notes, batch_size=1000)),
        "tagger, 1 process": lambda: tagger.tag_compact(notes),
        f"tagger, {args.processes} processes": lambda: tagger.tag_compact(
            notes, n_process=args.processes
        ),
    }
    # The three runs take turns, round after round: a slow spell of a shared machine then
    # slows all three alike, and each ratio is taken within one round.
    walls: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            wall, cpu = _timed(run)
            walls[name].append(wall)
            cpus[name].append(cpu)
    for name in runs:
        _print(name, walls[name], cpus[name], len(notes), words)
    tok, one, many = walls.values()
    single = [t / o for t, o in zip(tok, one, strict=True)]
    parallel = [o / m for o, m in zip(one, many, strict=True)]
    print(
        f"tagger / tokenizer: {median(single):.0%} (rounds {min(single):.0%}-{max(single):.0%};"
        " target >= 50%)"
    )
    print(
        f"{args.processes} processes / 1 process: {median(parallel):.2f}x"
        f" (rounds {min(parallel):.2f}-{max(parallel):.2f}x; target >= 1.6x)"
    )


if __name__ == "__main__":
    main()
