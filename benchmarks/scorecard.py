"""The scorecard on real PEEL pages: how many pages are built or refused with the right
reason, grades read, forces right, items whole, per page kind and cycle, and how long it takes.

    python benchmarks/scorecard.py                      # tests/data/real, Rich tables
    python benchmarks/scorecard.py --markdown           # the tables of docs/extraction.md
    python benchmarks/scorecard.py --folder DIR --expect FILE --out scorecard.md

The same counts as ``peelgraph check DIR --expect FILE``; this script adds the time per page
and Markdown output. Pages read wrong are listed with --failures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=REAL, help="folder of page fragments")
    parser.add_argument("--expect", type=Path, help="expectations file (default: in the folder)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--failures", action="store_true", help="list the pages read wrong")
    parser.add_argument("--out", type=Path, help="write the Markdown tables to this file")
    args = parser.parse_args(argv)

    from rich.console import Console

    from peelgraph.context import default_context
    from peelgraph.scorecard import render_details, render_markdown, render_tables, score_folder

    expect = args.expect or args.folder / "expectations.yaml"
    vocab = default_context().vocabulary
    started = time.perf_counter()
    scorecard = score_folder(args.folder, expect, vocab)
    seconds = time.perf_counter() - started
    timing = (
        f"{len(scorecard.pages)} pages scored in {seconds:.2f} s "
        f"({1000 * seconds / max(1, len(scorecard.pages)):.0f} ms a page)"
    )
    if args.markdown or args.out:
        text = render_markdown(scorecard) + f"\n{timing}.\n"
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    else:
        console = Console()
        console.print(render_tables(scorecard))
        console.print(timing)
    if args.failures:
        Console().print(render_details(scorecard, only_failures=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
