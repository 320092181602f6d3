"""Every command and option of `followup` is documented."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main

from flows.cli import app

# Typer vendors its own click; only the group's public attributes are used here.
COMMANDS: Any = typer.main.get_command(app)


@pytest.mark.parametrize("name", sorted(COMMANDS.commands))
def test_every_command_has_help(name: str) -> None:
    command = COMMANDS.commands[name]
    assert command.help and len(command.help.split()) >= 4


@pytest.mark.parametrize("name", sorted(COMMANDS.commands))
def test_every_option_has_help(name: str) -> None:
    undocumented = [
        p.name
        for p in COMMANDS.commands[name].params
        if p.param_type_name == "option" and not p.help
    ]
    assert undocumented == []


def test_the_commands_the_readme_promises_exist() -> None:
    promised = {"run", "sample", "evaluate", "explain", "report", "serve", "backfill", "sql"}
    assert promised <= set(COMMANDS.commands)
