"""Commands on a built corpus as whole processes, this code against an earlier checkout.

    python benchmarks/commands.py --data full.trig --force kent --item IRI --source CORPUS \\
        --before /tmp/old                  # a checkout of the earlier code (git archive)
    python benchmarks/commands.py --data full.trig --before /tmp/old --no-export \\
        --queries all                      # every saved query as CSV, both codes

Measures, each as a whole ``python -m peelgraph`` process: one force exported as JSON-LD,
``explain`` of an item (give one whose source is a PDF), and the two list queries as CSV,
each twice: computed (``--no-cache``) and as the answer kept with the store after a first
run (:mod:`peelgraph.answers`; ``--answers computed`` or ``kept`` measures one of the two).
An earlier code that keeps no answers computes both.
With ``--before`` each command also runs with the earlier code (its ``src`` first on
PYTHONPATH), alternating with this code run by run, so that both meet the same load on a
shared machine: the ratio is the figure to read. Each command's output must be the same
bytes with both codes (else the script says so). One run of each is made first and not
counted (it fills the caches each code keeps, such as explain's PDF text).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("select_afis_by_question", "select_items_by_theme")


def _run(code: Path, args: list[str], out: Path | None) -> tuple[float, bytes]:
    env = {**os.environ, "PYTHONPATH": str(code / "src"), "COLUMNS": "120"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "peelgraph", *args], env=env,
                          capture_output=True, check=False)  # fmt: skip
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"peelgraph {' '.join(args)} failed: {done.stderr.decode()[-400:]}")
    return elapsed, out.read_bytes() if out is not None else done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a built graph file")
    parser.add_argument("--force", default="kent", help="force slug to export as JSON-LD")
    parser.add_argument("--item", help="an item IRI for explain (none: explain not run)")
    parser.add_argument("--source", type=Path, help="the corpus folder (for explain)")
    parser.add_argument("--before", type=Path, help="a checkout of the earlier code")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--no-export", action="store_true", help="skip the JSON-LD export")
    parser.add_argument(
        "--queries",
        nargs="*",
        default=list(QUERIES),
        help="saved queries to run as CSV ('all': every saved query; default: the two list "
        "queries)",
    )
    parser.add_argument(
        "--answers",
        choices=("both", "computed", "kept"),
        default="both",
        help="query runs computed afresh (--no-cache), read from the answers kept with the "
        "store, or both (default)",
    )
    args = parser.parse_args(argv)
    queries = args.queries
    if queries == ["all"]:
        sys.path.insert(0, str(ROOT / "src"))
        from peelgraph.queries import list_queries

        queries = [q.name for q in list_queries()]
    work = Path(tempfile.mkdtemp(prefix="peelgraph-commands-"))
    source = ["--source", str(args.source)] if args.source else []
    commands: list[tuple[str, list[str], Path | None]] = [] if args.no_export else [
        (f"export --force {args.force} (JSON-LD)",
         ["export", str(args.data), "--force", args.force, "-o", str(work / "f.jsonld")],
         work / "f.jsonld"),
    ]  # fmt: skip
    if args.item:
        commands.append(("explain ITEM", ["explain", args.item, "--data", str(args.data),
                                          *source], None))  # fmt: skip
    kinds = ("computed", "kept") if args.answers == "both" else (args.answers,)
    commands += [(f"query run {q} -f csv ({kind})", ["query", "run", q, "--data", str(args.data),
                  "-f", "csv", *(["--no-cache"] if kind == "computed" else [])], None)
                 for q in queries for kind in kinds]  # fmt: skip
    codes = {"after": ROOT} | ({"before": args.before} if args.before else {})
    print("| command | " + " | ".join(f"{c}, s" for c in codes)
          + (" | after / before |" if args.before else " |"))  # fmt: skip
    print("|---" * (len(codes) + 1 + bool(args.before)) + "|")
    for label, command, out in commands:
        times: dict[str, list[float]] = {c: [] for c in codes}
        outputs: dict[str, bytes] = {}
        for n in range(args.repeat + 1):
            for name, code in codes.items():
                if out is not None:
                    out.unlink(missing_ok=True)
                # an earlier code has no --no-cache (and keeps no answers)
                args_of = [a for a in command if name == "after" or a != "--no-cache"]
                elapsed, output = _run(code, args_of, out)
                outputs[name] = output
                if n:  # the first run of each fills caches and is not counted
                    times[name].append(elapsed)
        same = len(set(outputs.values())) == 1
        medians = {c: statistics.median(t) for c, t in times.items()}
        row = [label, *(f"{medians[c]:.2f}" for c in codes)]
        if args.before:
            ratio = medians["after"] / medians["before"]
            row.append(f"{ratio:.2f}" + ("" if same else " (outputs differ!)"))
        print("| " + " | ".join(row) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
