"""The README's sample build summary is the summary a build of data/reports prints."""

from __future__ import annotations

import re

from peelgraph.app import build_to_file
from peelgraph.cli.build import summary_lines
from peelgraph.context import default_context

from .conftest import REPORTS, ROOT


def _readme_summary() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n(Wrote build/peel\.trig .*?)```", text, re.S)
    assert block, "the README shows no build summary"
    return block.group(1).rstrip("\n").split("\n")


def test_the_readme_summary_is_true(tmp_path):
    out = tmp_path / "build" / "peel.trig"
    out.parent.mkdir()
    outcome = build_to_file([REPORTS], out, default_context())
    printed = [line.replace(str(tmp_path) + "/", "") for line in summary_lines(outcome)]
    printed = [re.sub(r"\((?:loaded|up to date|.*reloaded)\)$", "(loaded)", x) for x in printed]
    assert printed == _readme_summary()
