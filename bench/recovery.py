"""Does the adjusted model recover known effects? Coverage of its 95% intervals over many seeds.

    .venv/bin/python bench/recovery.py [--seeds 50] [--notes 4000] [--source sample|numpy]

For each seed, notes with known log-odds for the five mistakes are simulated, turned into the
model frame the report query produces (decided notes aggregated by candidate and pattern), and
fitted with transforms.stats.fit_adjusted_model. Reports, per mistake, the mean estimate, its
bias and the share of seeds whose 95% interval holds the true log-odds (target: >= 90%).

--source sample uses transforms.sample.generate_sample and its TRUE_EFFECTS (the project's
generator, true labels, outcome rows with pending/withdrawn/missing as the pipeline sees them);
--source numpy uses the small simulator below, with two notes per candidate on average.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transforms.contract import CHANNELS, MISTAKES, SEND_BUCKETS, SENIORITIES  # noqa: E402
from transforms.stats import CONTROLS, fit_adjusted_model  # noqa: E402

NUMPY_EFFECTS = {
    "generic": -0.7,
    "thanks_only": -0.4,
    "gift": 0.3,
    "prewritten": -0.5,
    "handed_on_exit": 0.0,
}
_KEYS = ["candidate_id", *MISTAKES, *CONTROLS]


def _aggregate(decided: pl.DataFrame) -> pl.DataFrame:
    return decided.group_by(_KEYS).agg(
        pl.len().alias("decided"), pl.col("callback").cast(pl.Int64).sum().alias("callbacks")
    )


def numpy_frame(n: int, seed: int) -> tuple[pl.DataFrame, dict[str, float]]:
    """Independent simulator: mistakes, controls with their own effects, ~2 notes per candidate."""
    rng = np.random.default_rng(seed)
    rates = {"generic": 0.3, "thanks_only": 0.3, "gift": 0.08, "prewritten": 0.1}
    channel = rng.choice(CHANNELS, n, p=[0.6, 0.1, 0.15, 0.1, 0.05])
    mistakes = {m: rng.random(n) < r for m, r in rates.items()}
    mistakes["handed_on_exit"] = (channel == "in_person") & (rng.random(n) < 0.5)
    seniority = rng.choice(SENIORITIES, n)
    bucket = rng.choice(SEND_BUCKETS, n, p=[0.15, 0.5, 0.25, 0.1])
    role = rng.choice(["engineering", "sales", "design", "data"], n)
    linear = (
        -0.3
        + sum(NUMPY_EFFECTS[m] * mistakes[m] for m in MISTAKES)
        + 0.3 * (seniority == "intern")
        - 0.4 * (bucket == ">3d")
        + 0.2 * (role == "sales")
    )
    frame = pl.DataFrame(
        {
            "candidate_id": rng.integers(0, n // 2, n).astype(str),
            **mistakes,
            "role_family": role,
            "seniority": seniority,
            "channel": channel,
            "send_bucket": bucket,
            "callback": rng.random(n) < 1 / (1 + np.exp(-linear)),
            "decided": rng.random(n) > 0.15,  # pending/withdrawn/none, independent of everything
        }
    )
    return _aggregate(frame.filter("decided")), NUMPY_EFFECTS


def sample_frame(n: int, seed: int) -> tuple[pl.DataFrame, dict[str, float]]:
    """The project's generator: true labels, and the outcome the pipeline would see last."""
    from transforms.sample import TRUE_EFFECTS, generate_sample

    sample = generate_sample(n, seed)
    latest = sample.outcomes.group_by("interview_id", maintain_order=True).last()
    frame = (
        sample.notes.join(sample.bad_rows.select("note_id"), on="note_id", how="anti")
        .select("note_id", "interview_id", "candidate_id", *CONTROLS[:3])
        .join(sample.truth.select("note_id", *MISTAKES, "send_bucket"), on="note_id")
        .join(latest.select("interview_id", "outcome"), on="interview_id", how="left")
        .filter(pl.col("outcome").is_in(["callback", "rejected"]))
        .with_columns(callback=pl.col("outcome") == "callback")
    )
    return _aggregate(frame), {m: TRUE_EFFECTS[m] for m in MISTAKES}


def tagged_frame(n: int, seed: int) -> tuple[pl.DataFrame, dict[str, float]]:
    """As sample_frame, but with the mistakes the tagger finds (text and metadata)."""
    from transforms.note_tags import tag_notes
    from transforms.sample import TRUE_EFFECTS, generate_sample
    from transforms.tagger import load_tagger

    sample = generate_sample(n, seed)
    notes = sample.notes.join(sample.bad_rows.select("note_id"), on="note_id", how="anti")
    tags = tag_notes(notes.drop("batch"), load_tagger()).note_tags
    latest = sample.outcomes.group_by("interview_id", maintain_order=True).last()
    frame = (
        tags.select("note_id", "interview_id", "candidate_id", *MISTAKES, *CONTROLS)
        .drop_nulls(list(MISTAKES))  # non-English notes: the tagger abstains
        .join(latest.select("interview_id", "outcome"), on="interview_id", how="left")
        .filter(pl.col("outcome").is_in(["callback", "rejected"]))
        .with_columns(callback=pl.col("outcome") == "callback")
    )
    return _aggregate(frame), {m: TRUE_EFFECTS[m] for m in MISTAKES}


def truth_vs_tagger(notes: int, seed: int) -> pl.DataFrame:
    """Log-odds fitted on the generator's true labels and on the tagger's, beside the truth."""
    true_labels, truth = sample_frame(notes, seed)
    tagger_labels, _ = tagged_frame(notes, seed)
    fits = {
        name: fit_adjusted_model(frame).odds_ratios.select("term", pl.col("log_odds").alias(name))
        for name, frame in (("true_labels", true_labels), ("tagger_labels", tagger_labels))
    }
    return (
        pl.DataFrame({"term": list(MISTAKES), "true": [truth[m] for m in MISTAKES]})
        .join(fits["true_labels"], on="term", how="left")
        .join(fits["tagger_labels"], on="term", how="left")
    )


def run(seeds: int, notes: int, source: str) -> pl.DataFrame:
    """One row per (seed, mistake): estimate, standard error, whether the interval covers."""
    make = sample_frame if source == "sample" else numpy_frame
    rows = []
    for seed in range(seeds):
        frame, truth = make(notes, seed)
        result = fit_adjusted_model(frame)
        if not result.fitted:
            rows.append({"seed": seed, "term": None, "status": result.reason})
            continue
        for r in result.odds_ratios.filter(pl.col("term").is_in(list(MISTAKES))).iter_rows(
            named=True
        ):
            true = truth[r["term"]]
            rows.append(
                {
                    "seed": seed,
                    "term": r["term"],
                    "status": "fitted",
                    "true": true,
                    "estimate": r["log_odds"],
                    "covered": np.log(r["ci_low"]) <= true <= np.log(r["ci_high"]),
                }
            )
    return pl.DataFrame(rows, infer_schema_length=None)


def summarize(results: pl.DataFrame) -> pl.DataFrame:
    fitted = results.filter(pl.col("status") == "fitted")
    return (
        fitted.group_by("term")
        .agg(
            pl.len().alias("fits"),
            pl.col("true").first(),
            pl.col("estimate").mean().alias("mean_estimate"),
            (pl.col("estimate") - pl.col("true")).mean().alias("bias"),
            pl.col("covered").mean().alias("coverage"),
        )
        .sort(pl.col("term").replace_strict({m: i for i, m in enumerate(MISTAKES)}))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=50, help="number of simulated data sets")
    parser.add_argument("--notes", type=int, default=4000, help="notes per data set")
    parser.add_argument("--source", choices=["sample", "numpy"], default=_default_source())
    parser.add_argument(
        "--tagged-notes", type=int, default=20_000, help="notes for the tagger-labels fit (0: skip)"
    )
    args = parser.parse_args()
    results = run(args.seeds, args.notes, args.source)
    summary = summarize(results)
    not_fitted = results.filter(pl.col("status") != "fitted").height
    fitted = results.filter(pl.col("status") == "fitted")
    with pl.Config(tbl_rows=20, float_precision=3):
        print(f"source={args.source} seeds={args.seeds} notes={args.notes} not fitted={not_fitted}")
        print(summary)
    print(f"overall coverage of 95% intervals: {fitted['covered'].mean():.3f} (target >= 0.90)")
    if args.tagged_notes and args.source == "sample":
        with pl.Config(tbl_rows=20, float_precision=3):
            print(f"log-odds on {args.tagged_notes} notes: true labels vs the tagger's labels")
            print(truth_vs_tagger(args.tagged_notes, seed=args.seeds))


def _default_source() -> str:
    try:
        from transforms.sample import TRUE_EFFECTS, generate_sample  # noqa: F401
    except ImportError:
        return "numpy"
    return "sample"


if __name__ == "__main__":
    main()
