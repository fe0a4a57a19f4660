"""Docs that cannot drift: the README's sample build summary is a real build's, its Commands
table lists exactly the command line's commands, and every --help reads at any width."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from peelgraph.cli import app

from .conftest import REPORTS, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def cli_commands() -> set[str]:
    """Every command path of the command line ("build", "query run", ...)."""
    root = typer.main.get_command(app)
    found: set[str] = set()

    def walk(command: object, prefix: str) -> None:
        if hasattr(command, "commands"):  # a group (Typer may carry its own click)
            for name, sub in command.commands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found.add(prefix)

    walk(root, "")
    return found


def readme_commands() -> set[str]:
    """The command paths the README's Commands table lists, from each row's first cell."""
    section = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    found: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first_cell = re.split(r"(?<!\\)\|", line)[1]
        for code in re.findall(r"`([^`]+)`", first_cell):
            words = code.removeprefix("peelgraph ").split()
            path = []
            for word in words:
                if not re.fullmatch(r"[a-z][a-z-]*", word):
                    break
                path.append(word)
            if path and path[0] == "query" and len(path) == 1:
                continue
            found.add(" ".join(path))
    return found


def test_the_commands_table_lists_exactly_the_cli_commands():
    assert readme_commands() == cli_commands()


def test_the_readme_sample_summary_is_what_a_build_prints(tmp_path):
    block = re.search(r"```\n(Wrote build/peel\.trig .*?)```", README, re.DOTALL)
    assert block, "the README shows no build summary"
    out = tmp_path / "build" / "peel.trig"
    result = runner.invoke(app, ["build", str(REPORTS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    printed = result.stdout.replace(str(out), "build/peel.trig").strip().splitlines()
    assert printed == block.group(1).strip().splitlines()


def test_the_readme_set_up_line_installs_the_base_package_and_the_extras_exist():
    import tomllib

    assert ".venv/bin/pip install -e . && .venv/bin/peelgraph build data/reports" in README
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    named = set(re.findall(r"`\[?(?:peelgraph\[)?([a-z]+)\]?`", README.split("## Commands")[1]))
    assert {"viz", "server", "synth", "pandas", "all"} <= set(extras)
    assert {"viz", "server", "synth"} <= named
    every = {req.split(">")[0] for name, reqs in extras.items() if name not in ("all", "dev")
             for req in reqs}  # fmt: skip
    assert every == {req.split(">")[0] for req in extras["all"]}


@pytest.mark.parametrize("command", sorted(cli_commands()))
def test_help_paragraphs_wrap_at_the_terminal_width_not_mid_sentence(command):
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "72"})
    assert result.exit_code == 0
    description = result.stdout.split("╭")[0]
    lines = [line.strip() for line in description.splitlines()]
    lines = lines[lines.index(next(x for x in lines if x.startswith("Usage:"))) + 1 :]
    for line, following in zip(lines, lines[1:], strict=False):
        if line and following:  # a line inside a paragraph is filled before it breaks
            assert len(line) + 1 + len(following.split()[0]) > 68, (line, following)
