"""Concurrent writers and readers on one output (issue 18 target: 20 at once, 20 runs, 0 corrupt
stores, 0 tracebacks).

    python benchmarks/stress_store.py --runs 20 --procs 20

Each run starts ``--procs`` peelgraph processes at once on one output: half ``build`` (with
``--overwrite``), half ``query run`` of a saved query. Afterwards it counts tracebacks and
"Corruption" in any process's stderr, exit codes other than 0 and 2 (2 is a one-line refusal,
e.g. a writer that gave up waiting), and checks the store: it opens, its stamp matches the graph
file, and a fresh query answers the same rows as one on the graph without a store.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "tests" / "data" / "wessex-constabulary-2016-effectiveness.txt"
REF = ["--reference", str(ROOT / "tests" / "data" / "fictional-forces.ttl")]
QUERY = ["query", "run", "select_afis_by_question", "-f", "csv"]


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "peelgraph", *args], cwd=cwd, text=True,
        env={**os.environ, "COLUMNS": "200"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def run_once(work: Path, procs: int, expected: str) -> dict[str, int]:
    from peelgraph.storedir import STAMP, store_folder

    out = work / "g.trig"
    build = ["build", *REF, str(DOC), "-o", str(out), "--overwrite"]
    started = [start(build if i % 2 == 0 else [*QUERY, "-d", str(out)], work)
               for i in range(procs)]  # fmt: skip
    tally = {"tracebacks": 0, "bad_exit": 0, "refused": 0, "wrong_rows": 0, "corrupt": 0}
    for i, p in enumerate(started):
        stdout, stderr = p.communicate(timeout=600)
        if "Traceback" in stderr or "Corruption" in stderr:
            tally["tracebacks"] += 1
            print(stderr[-2000:], file=sys.stderr)
        if p.returncode == 2:
            tally["refused"] += 1
        elif p.returncode != 0:
            tally["bad_exit"] += 1
            print(f"exit {p.returncode}: {stderr[-500:]}", file=sys.stderr)
        elif i % 2 == 1 and stdout != expected:
            tally["wrong_rows"] += 1
    folder = store_folder(out)
    try:
        stamp = json.loads((folder / STAMP).read_text())
        fresh = start([*QUERY, "-d", str(out)], work).communicate(timeout=600)
        ok = stamp["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
        ok = ok and fresh[0] == expected and "Traceback" not in fresh[1]
    except (OSError, ValueError, KeyError):
        ok = False
    tally["corrupt"] += not ok
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--procs", type=int, default=20)
    args = parser.parse_args()
    total: dict[str, int] = {}
    began = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        seed = base / "g.trig"
        made = start(["build", *REF, str(DOC), "-o", str(seed), "--no-store"], base)
        if made.wait(timeout=600) != 0:
            print("the seed build failed", file=sys.stderr)
            return 1
        expected = start([*QUERY, "-d", str(seed)], base).communicate(timeout=600)[0]
        for run in range(args.runs):
            work = Path(tmp) / f"run{run}"
            work.mkdir()
            shutil.copy(seed, work / "g.trig")  # readers have a graph from the start
            tally = run_once(work, args.procs, expected)
            shutil.rmtree(work, ignore_errors=True)
            for key, n in tally.items():
                total[key] = total.get(key, 0) + n
            print(f"run {run + 1}: {tally}", flush=True)
    print(f"{args.runs} runs of {args.procs} processes, {time.monotonic() - began:.0f} s: {total}")
    return 1 if total.get("tracebacks") or total.get("corrupt") or total.get("bad_exit") else 0


if __name__ == "__main__":
    raise SystemExit(main())
