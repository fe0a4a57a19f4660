"""Scaling with many items and long texts (issue 18 point 7): a report with N areas for
improvement, and ``stats`` of an N-Triples file with one long literal.

    python benchmarks/scale_items.py --afis 5000 15000 50000 --literal-mb 1 3

The report is the fictional Wessex 2016 effectiveness report with its first list of areas
for improvement repeated to N distinct bullets (about 60 bytes each: 50,000 is about 3 MB);
each size is built by a fresh ``peelgraph build --no-store`` process, timed, with its peak
memory (Linux). Targets: 50,000 bullets in under 60 s, a 3 MB literal in under 2 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "tests" / "data" / "wessex-constabulary-2016-effectiveness.txt"
REF = ["--reference", str(ROOT / "tests" / "data" / "fictional-forces.ttl")]
MARK = "• The constabulary should improve its understanding of the communities it serves"


def report_with(afis: int) -> str:
    text = DOC.read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith(MARK))
    bullets = "\n".join(f"• The constabulary should review practice number {i} with partners."
                        for i in range(afis))  # fmt: skip
    return text.replace(line, bullets, 1)


def timed(args: list[str]) -> tuple[float, float, int, str]:
    """Seconds, peak memory of the child processes (MB), exit code, last stderr line."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "peelgraph", *args], capture_output=True, text=True
    )
    elapsed = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return elapsed, peak, done.returncode, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--afis", type=int, nargs="*", default=[5000, 15000, 50000])
    parser.add_argument("--literal-mb", type=float, nargs="*", default=[1, 3])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.literal_mb:
            nt = Path(tmp) / f"lit{n}.nt"
            words = "word " * int(n * 1_000_000 / 5)
            nt.write_text(f'<https://e.org/s> <https://e.org/p> "{words}" .\n', encoding="utf-8")
            secs, _, code, last = timed(["stats", str(nt)])
            print(f"stats, one {n:g} MB literal: {secs:.1f} s (exit {code}) {last}", flush=True)
        for n in args.afis:
            doc = Path(tmp) / f"wessex-constabulary-2016-effectiveness-{n}.txt"
            doc.write_text(report_with(n), encoding="utf-8")
            out = Path(tmp) / f"g{n}.trig"
            secs, peak, code, last = timed(["build", *REF, str(doc), "-o", str(out), "--no-store"])
            size = doc.stat().st_size / 1e6
            print(f"build, {n:,} AFIs ({size:.1f} MB): {secs:.1f} s, peak {peak:,.0f} MB "
                  f"(exit {code}) {last}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
