"""Great Expectations suites for notes and outcomes batches, and their per-row failures.

GX 1.x has no Polars source, so a batch is validated as a pandas frame holding only the columns the
rules need. Every failing row comes back with its `_row`, the column, the rule and the value, so the
pipeline can quarantine exactly those rows. GX is imported lazily: it costs seconds to import.
"""

from __future__ import annotations

import os
import weakref
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import polars as pl

from transforms.contract import MAX_TEXT_CHARS
from transforms.parse import ERROR_SCHEMA, ROW, Contract

if TYPE_CHECKING:
    import great_expectations as gx

# The earliest plausible time for any note or decision; later than run time + 1 day is implausible.
EARLIEST_PLAUSIBLE = datetime.fromisoformat("2000-01-01T00:00:00+00:00")


@dataclass(frozen=True)
class SuiteResult:
    """Per-row failures (ERROR_SCHEMA) and one summary row per expectation."""

    errors: pl.DataFrame
    summary: pl.DataFrame
    suite_name: str
    gx_result: Any


def expectations_for(contract: Contract, now: datetime) -> list[gx.expectations.Expectation]:
    """A batch kind's suite: required columns, allowed values, unique ids, order, plausibility."""
    import great_expectations as gx

    ex = gx.expectations
    latest = now + timedelta(days=1)
    rules: list[gx.expectations.Expectation] = [
        ex.ExpectColumnValuesToNotBeNull(column=c) for c in contract.required if c != "text"
    ]
    rules += [
        ex.ExpectColumnValuesToBeInSet(column=c, value_set=list(values))
        for c, values in contract.allowed.items()
    ]
    time_columns = [c for c, t in contract.schema.items() if isinstance(t, pl.Datetime)]
    rules += [
        ex.ExpectColumnValuesToBeBetween(column=c, min_value=EARLIEST_PLAUSIBLE, max_value=latest)
        for c in time_columns
    ]
    if contract.kind == "notes":
        rules += [
            ex.ExpectColumnValuesToBeUnique(column="note_id"),
            ex.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="interview_end", column_B="interview_start", or_equal=True
            ),
            ex.ExpectColumnValuesToBeBetween(
                column="text_length", min_value=0, max_value=MAX_TEXT_CHARS
            ),
        ]
    return rules


class Validator(Protocol):
    """Validates rows as ``validate_rows`` does, in a GX project of its own (flows.gx_process),
    while the caller goes on: the result is a future."""

    def submit(
        self, rows: pl.DataFrame, contract: Contract, now: datetime, run_name: str | None
    ) -> Future[SuiteResult]: ...


def validate_rows(
    rows: pl.DataFrame,
    contract: Contract,
    now: datetime,
    *,
    context: Any | None = None,
    run_name: str | None = None,
) -> SuiteResult:
    """Run the contract's GX suite on typed rows; return every failing (row, column, rule).

    With a file-backed GX `context` the result is kept in its store under `run_name`, for Data Docs;
    without one, an in-memory context is used and nothing is kept.
    """
    from great_expectations.core.run_identifier import RunIdentifier

    context = context or _ephemeral_context()
    checkpoint = _current_checkpoint(context, contract, now)
    result = checkpoint.run(
        batch_parameters={"dataframe": _frame_for_gx(rows, contract)},
        run_id=RunIdentifier(run_name=run_name) if run_name else None,
    )
    validation = next(iter(result.run_results.values()))
    errors, summary = _failures(validation)
    return SuiteResult(
        errors=errors, summary=summary, suite_name=checkpoint.name, gx_result=validation
    )


# The checkpoint last made per context, with the kind and `now` it was made for: bringing a suite
# up to date costs about a third of a second, and a file is validated in many chunks. Only the
# last one is kept: making the other kind's replaces the shared data source and its assets.
_made: weakref.WeakKeyDictionary[Any, tuple[str, datetime, Any]] = weakref.WeakKeyDictionary()


def _current_checkpoint(context: Any, contract: Contract, now: datetime) -> Any:
    kind, made_for, checkpoint = _made.get(context, ("", now, None))
    if checkpoint is None or kind != contract.kind or made_for != now:
        checkpoint = _checkpoint(context, contract, now)
        _made[context] = (contract.kind, now, checkpoint)
    return checkpoint


def _checkpoint(context: Any, contract: Contract, now: datetime) -> Any:
    """The kind's suite, asset and checkpoint in `context`, created or brought up to date."""
    import great_expectations as gx

    name = f"{contract.kind}_contract"
    suite = context.suites.add_or_update(
        gx.ExpectationSuite(name=name, expectations=expectations_for(contract, now))
    )
    source = context.data_sources.add_or_update_pandas("inbox")
    asset = next((a for a in source.assets if a.name == contract.kind), None)
    asset = asset or source.add_dataframe_asset(contract.kind)
    batch = next((b for b in asset.batch_definitions if b.name == "batch"), None)
    batch = batch or asset.add_batch_definition_whole_dataframe("batch")
    validation = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(data=batch, suite=suite, name=name)
    )
    return context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=name,
            validation_definitions=[validation],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ROW]},
        )
    )


def file_context(project_root: str) -> Any:
    """A GX project on disk: validation results kept, Data Docs built from them."""
    _quiet_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=project_root)
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@cache
def _ephemeral_context() -> Any:
    _quiet_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _quiet_gx() -> None:
    # No usage analytics: the machine is offline and the data is private.
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


def rule_columns(rows: pl.DataFrame, contract: Contract) -> pl.DataFrame:
    """Only the columns the suite checks; a note's text is checked by its length alone.
    Applied to its own result, it changes nothing."""
    columns = [ROW] + [c for c in contract.schema if c != "text"]
    if contract.kind != "notes":
        return rows.select(columns)
    length = pl.col("text").str.len_chars() if "text" in rows.columns else pl.col("text_length")
    return rows.select(*columns, length.alias("text_length"))


def _frame_for_gx(rows: pl.DataFrame, contract: Contract) -> Any:
    return rule_columns(rows, contract).to_pandas()


def _failures(result: Any) -> tuple[pl.DataFrame, pl.DataFrame]:
    errors: list[dict[str, Any]] = []
    summary: list[dict[str, Any]] = []
    for item in result.results:
        config = item.expectation_config
        kwargs = config.kwargs
        columns = [kwargs[k] for k in ("column", "column_A") if k in kwargs]
        column = columns[0] if columns else ""
        found = item.result.get("unexpected_index_list") or []
        summary.append(
            {
                "expectation": config.type,
                "column": column,
                "success": bool(item.success),
                "unexpected": len(found),
            }
        )
        errors.extend(_error_row(config.type, column, kwargs, hit) for hit in found)
    return (
        pl.DataFrame(errors, schema=ERROR_SCHEMA, orient="row"),
        pl.DataFrame(summary, orient="row"),
    )


def _error_row(rule: str, column: str, kwargs: dict[str, Any], hit: dict[str, Any]) -> dict:
    value = hit.get(column)
    if value is not None and value != value:  # pandas gives NaN for a missing value
        value = None
    if rule == "expect_column_pair_values_a_to_be_greater_than_b":
        a, b = kwargs["column_A"], kwargs["column_B"]
        value = f"{a}={hit.get(a)} < {b}={hit.get(b)}"
    return {
        "row_number": int(hit[ROW]),
        "column_name": "text" if column == "text_length" else column,
        "rule": rule,
        "value": None if value is None else str(value)[:200],
        "message": f"{rule} failed on {column}" + _rule_detail(kwargs),
    }


def _rule_detail(kwargs: dict[str, Any]) -> str:
    shown = {k: v for k, v in kwargs.items() if k in ("value_set", "min_value", "max_value")}
    return f" ({', '.join(f'{k}={v}' for k, v in shown.items())})" if shown else ""
