"""The mutation fuzz of the seed documents at scale, outside CI (issue 18 target: 0 crashes in
10,000 cases).

    python benchmarks/fuzz_seeds.py --cases 10000 [--seed 1] [--full-every 10]

Each case is a seed document (the summary; every ``--full-every``-th case the full report)
with a few edits from tests/test_fuzz_seeds.py's alphabet of line separators and controls,
read and mapped exactly as the test does. A case may be refused with peelgraph's own error;
anything else raised is a crash, printed with its seed so that it can be replayed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_fuzz_seeds import FULL, SUMMARY, map_report, mutate  # noqa: E402

from peelgraph.context import default_context  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full-every", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no)")
    args = parser.parse_args()
    vocab = default_context().vocabulary
    crashes = mapped = 0
    start = time.monotonic()
    done = 0
    for case in range(args.cases):
        if args.seconds and time.monotonic() - start > args.seconds:
            break
        rng = random.Random(f"{args.seed}:{case}")
        seed_text = FULL if args.full_every and case % args.full_every == 0 else SUMMARY
        try:
            mapped += map_report(mutate(seed_text, rng.randint, rng.choice), vocab) > 0
        except Exception:  # noqa: BLE001 - a crash is what is counted
            crashes += 1
            print(f"CRASH case {case} (seed {args.seed}:{case})", file=sys.stderr)
            traceback.print_exc()
        done += 1
        if done % 500 == 0:
            print(f"{done} cases, {crashes} crashes, {time.monotonic() - start:.0f} s", flush=True)
    elapsed = time.monotonic() - start
    print(f"{done} cases ({mapped} mapped, {done - mapped - crashes} refused), "
          f"{crashes} crashes, {elapsed:.0f} s")  # fmt: skip
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
