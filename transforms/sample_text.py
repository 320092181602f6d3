"""Vectorised note texts for the synthetic sample: phrase indices from numpy, joined in Polars.

`build_texts` receives the feature truths already drawn (transforms/sample.py) and writes a text
that expresses exactly those features: one column per sentence slot (null when absent), slots
filled by literal replacement, then joined with `concat_str(ignore_nulls=True)`. Nothing loops over
rows in Python, so a million notes take a few seconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

from transforms import sample_phrases as ph

LANGUAGES = ("en", "es", "fr", "de")
TRAP_KINDS = tuple(ph.TRAPS)


@dataclass(frozen=True)
class TextPlan:
    """Per-note choices that decide the text (numpy arrays of length n)."""

    informal: np.ndarray  # bool
    language: np.ndarray  # int index into LANGUAGES
    empty: np.ndarray  # bool
    specific: np.ndarray  # bool: specific_reference
    fit: np.ndarray  # bool: fit_argument
    enthusiasm: np.ndarray  # bool
    gift_text: np.ndarray  # bool: gift announced in the text
    gift_item: np.ndarray  # int index into GIFTS (also used for the enclosure)
    future_text: np.ndarray  # bool: prewritten, future tense
    placeholder: np.ndarray  # bool: prewritten, unfilled template placeholder
    handed_text: np.ndarray  # bool: text says it was left at reception


def build_texts(plan: TextPlan, rng: np.random.Generator) -> pl.Series:
    """Return the note texts for `plan` (English, foreign and empty notes in row order)."""
    n = len(plan.informal)
    english = (plan.language == 0) & ~plan.empty
    text = _english_texts(plan, rng, n)
    foreign = _foreign_texts(plan, rng, n)
    text = pl.select(
        pl.when(pl.Series(plan.empty))
        .then(pl.lit(""))
        .when(pl.Series(english))
        .then(text)
        .otherwise(foreign)
    ).to_series()
    return _add_noise(text, plan, english, rng).alias("text")


def _pick(
    rng: np.random.Generator,
    bank: Mapping[str, tuple[str, ...]],
    informal: np.ndarray,
    mask: np.ndarray,
) -> pl.Series:
    """One sentence per row from a register-keyed bank; null where `mask` is False."""
    formal, casual = bank["formal"], bank["informal"]
    n = len(informal)
    idx = np.where(
        informal,
        len(formal) + rng.integers(0, len(casual), n),
        rng.integers(0, len(formal), n),
    )
    return _gather(formal + casual, idx, mask)


def _pick_flat(rng: np.random.Generator, bank: tuple[str, ...], mask: np.ndarray) -> pl.Series:
    return _gather(bank, rng.integers(0, len(bank), len(mask)), mask)


def _gather(bank: tuple[str, ...], idx: np.ndarray, mask: np.ndarray) -> pl.Series:
    return pl.Series(bank, dtype=pl.String).gather(idx).set(pl.Series(~mask), None)


def _values(rng: np.random.Generator, bank: tuple[str, ...], n: int) -> pl.Series:
    return pl.Series(bank, dtype=pl.String).gather(rng.integers(0, len(bank), n))


def _fill(col: str, slots: dict[str, str]) -> pl.Expr:
    """Fill each `{slot}` of `col` with the value column named in `slots`."""
    expr = pl.col(col)
    for slot, value_col in slots.items():
        expr = expr.str.replace("{" + slot + "}", pl.col(value_col), literal=True)
    return expr


def _english_texts(plan: TextPlan, rng: np.random.Generator, n: int) -> pl.Series:
    inf, yes = plan.informal, np.ones(n, dtype=bool)
    two_specific = plan.specific & (rng.random(n) < 0.3)
    long_note = rng.random(n) < np.where(inf, 0.15, 0.35)
    n_fillers = np.where(long_note, rng.integers(1, 4, n), (rng.random(n) < 0.25).astype(int))
    trap_kind = rng.integers(0, len(TRAP_KINDS), n)
    # A negated gift beside a real gift would contradict the truth label; use another trap.
    trap_kind = np.where(
        plan.gift_text & (trap_kind == TRAP_KINDS.index("negated_gift")), 0, trap_kind
    )
    has_trap = rng.random(n) < 0.18
    trap_bank = tuple(s for kind in TRAP_KINDS for s in ph.TRAPS[kind])
    trap_offsets = np.cumsum([0] + [len(ph.TRAPS[k]) for k in TRAP_KINDS])
    trap_idx = trap_offsets[trap_kind] + rng.integers(0, 3, n)
    placeholder_greeting = plan.placeholder & (rng.random(n) < 0.5)
    placeholder_sentence = plan.placeholder & (~placeholder_greeting | (rng.random(n) < 0.3))
    named = rng.random(n) < 0.45
    greet = rng.random(n) < np.where(inf, 0.7, 0.97)
    frame = pl.DataFrame(
        {
            "greeting": pl.select(
                pl.when(pl.Series(placeholder_greeting))
                .then(_pick_flat(rng, ph.PLACEHOLDER_GREETINGS, yes))
                .when(pl.Series(named))
                .then(_pick_flat(rng, ph.GREETINGS_NAMED, yes))
                .otherwise(_pick_flat(rng, ph.GREETINGS_PLAIN, yes))
            )
            .to_series()
            .set(pl.Series(~greet & ~placeholder_greeting), None),
            "future": _pick(rng, ph.PREWRITTEN_FUTURE, inf, plan.future_text),
            "thanks": _pick(rng, ph.THANKS, inf, yes),
            "spec1": _pick(rng, ph.SPECIFIC, inf, plan.specific),
            "spec2": _pick(rng, ph.SPECIFIC, inf, two_specific),
            "fit": _pick(rng, ph.FIT, inf, plan.fit),
            "enth": _pick(rng, ph.ENTHUSIASM, inf, plan.enthusiasm),
            "gift": _pick(rng, ph.GIFT, inf, plan.gift_text),
            "placeholder": _pick_flat(rng, ph.PLACEHOLDER_SENTENCES, placeholder_sentence),
            "trap": _gather(trap_bank, trap_idx, has_trap),
            "filler1": _pick(rng, ph.FILLERS, inf, n_fillers >= 1),
            "filler2": _pick(rng, ph.FILLERS, inf, n_fillers >= 2),
            "filler3": _pick(rng, ph.FILLERS, inf, n_fillers >= 3),
            "handed": _pick(rng, ph.HANDED, inf, plan.handed_text),
            "closing": _pick(rng, ph.CLOSINGS, inf, yes),
            "signoff": _pick_flat(rng, ph.SIGNOFFS, rng.random(n) < 0.8),
            "sign_name": _values(rng, ph.NAMES, n).set(pl.Series(rng.random(n) < 0.4), None),
            "contact": _pick_flat(rng, ph.CONTACTS, rng.random(n) < 0.03),
            "fit_first": rng.random(n) < 0.3,
            **_slot_values(rng, n, plan.gift_item),
        }
    )
    specific_slots = {
        "topic": "topic1",
        "project": "project1",
        "team": "team1",
        "number": "number1",
    }
    spec2_slots = {"topic": "topic2", "project": "project2", "team": "team2", "number": "number2"}
    body = [
        "future", "thanks", "spec1", "spec2", "fit", "enth", "gift", "placeholder", "trap",
        "filler1", "filler2", "handed", "filler3", "closing",
    ]  # fmt: skip
    body_fit_first = [
        "future", "thanks", "fit", "spec1", "enth", "spec2", "placeholder", "filler1", "gift",
        "trap", "filler2", "handed", "filler3", "closing",
    ]  # fmt: skip
    return (
        frame.lazy()
        .with_columns(
            _fill("greeting", {"name": "name"}),
            _fill("spec1", specific_slots),
            _fill("spec2", spec2_slots),
            _fill("fit", {"skill": "skill", "years": "years"}),
            _fill("gift", {"gift": "gift_name"}),
            _fill("contact", {"name_lower": "name_lower"}),
        )
        .select(
            pl.concat_str(
                pl.col("greeting"),
                pl.when("fit_first")
                .then(pl.concat_str(body_fit_first, separator=" ", ignore_nulls=True))
                .otherwise(pl.concat_str(body, separator=" ", ignore_nulls=True)),
                pl.concat_str("signoff", "sign_name", "contact", separator="\n", ignore_nulls=True),
                separator="\n\n",
                ignore_nulls=True,
            ).alias("text")
        )
        .collect()
        .to_series()
    )


def _slot_values(rng: np.random.Generator, n: int, gift_item: np.ndarray) -> dict[str, pl.Series]:
    names = _values(rng, ph.NAMES, n)
    values = {
        "name": names,
        "name_lower": names.str.to_lowercase(),
        "skill": _values(rng, ph.SKILLS, n),
        "years": _values(rng, ph.YEARS, n),
        "gift_name": pl.Series(ph.GIFTS, dtype=pl.String).gather(gift_item),
    }
    for k in ("1", "2"):
        values["topic" + k] = _values(rng, ph.TOPICS, n)
        values["project" + k] = _values(rng, ph.PROJECTS, n)
        values["team" + k] = _values(rng, ph.TEAMS, n)
        values["number" + k] = _values(rng, ph.NUMBERS, n)
    return values


def _foreign_texts(plan: TextPlan, rng: np.random.Generator, n: int) -> pl.Series:
    """Short Spanish, French and German notes; only specific/fit are expressed in the text."""
    yes = np.ones(n, dtype=bool)
    columns = []
    for lang_idx, lang in enumerate(LANGUAGES[1:], start=1):
        bank = ph.FOREIGN[lang]
        frame = pl.DataFrame(
            {
                "thanks": _pick_flat(rng, bank["thanks"], yes),
                "spec": _pick_flat(rng, bank["specific"], plan.specific),
                "fit": _pick_flat(rng, bank["fit"], plan.fit),
                "closing": _pick_flat(rng, bank["closing"], yes),
                "topic": _values(rng, ph.TOPICS, n),
                "project": _values(rng, ph.PROJECTS, n),
                "skill": _values(rng, ph.SKILLS, n),
                "years": _values(rng, ph.YEARS, n),
            }
        )
        columns.append(
            (
                lang_idx,
                frame.select(
                    pl.concat_str(
                        "thanks",
                        _fill("spec", {"topic": "topic", "project": "project"}),
                        _fill("fit", {"skill": "skill", "years": "years"}),
                        "closing",
                        separator=" ",
                        ignore_nulls=True,
                    )
                ).to_series(),
            )
        )
    expr = pl.lit(None, dtype=pl.String)
    for lang_idx, series in columns:
        expr = pl.when(pl.Series(plan.language == lang_idx)).then(series).otherwise(expr)
    return pl.select(expr).to_series()


def _add_noise(
    text: pl.Series, plan: TextPlan, english: np.ndarray, rng: np.random.Generator
) -> pl.Series:
    """Lower-case some informal notes and put one common misspelling into a few notes."""
    n = len(text)
    lower = english & plan.informal & ~plan.placeholder & (rng.random(n) < 0.2)
    idx = np.flatnonzero(lower)
    text = text.scatter(idx, text.gather(idx).str.to_lowercase())
    typo = english & (rng.random(n) < 0.07)
    idx = np.flatnonzero(typo)
    which = rng.integers(0, len(ph.TYPOS), len(idx))
    subset = pl.DataFrame({"t": text.gather(idx), "k": which})
    expr: pl.Expr = pl.col("t")
    for k, (right, wrong) in enumerate(ph.TYPOS):
        misspelt = pl.col("t").str.replace(right, wrong, literal=True)
        expr = pl.when(pl.col("k") == k).then(misspelt).otherwise(expr)
    return text.scatter(idx, subset.select(expr).to_series())
