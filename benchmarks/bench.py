"""peelgraph benchmarks: build and query costs on a generated corpus, as figures and ratios.

    python benchmarks/bench.py --scale full            # about 170 reports, 43 forces
    python benchmarks/bench.py --scale small --quick   # a smoke run (tests use this)

Everything is measured in one run on one machine, so that ratios between engines mean
something on a shared, noisy machine; absolute figures are for this machine only. Results
go to docs/benchmarks.md (or --out) with the machine, the versions and the command.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def median_time(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        elapsed, _ = timed(func)
        times.append(elapsed)
    return statistics.median(times)


def run_cli(*args: str) -> tuple[float, int, str]:
    """Run the peelgraph CLI in a child process: wall time, peak RSS (MiB), output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "peelgraph", *args], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"peelgraph {' '.join(args)} failed:\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024, done.stdout


class Bench:
    def __init__(self, scale: str, quick: bool, workdir: Path):
        self.scale, self.quick, self.work = scale, quick, workdir
        self.results: dict[str, object] = {}
        self.notes: list[str] = []

    # -- corpus and build ---------------------------------------------------------------

    def corpus(self) -> None:
        from peelgraph.reference import load_vocabulary
        from peelgraph.synth.corpus import generate_corpus

        self.corpus_dir = self.work / "corpus"
        elapsed, files = timed(
            lambda: generate_corpus(self.corpus_dir, load_vocabulary(), scale=self.scale)
        )
        reports = len({(f.force, f.year, f.pillar) for f in files})  # type: ignore[attr-defined]
        self.results["corpus"] = {
            "documents": len(files),  # type: ignore[arg-type]
            "reports": reports,
            "seconds": round(elapsed, 2),
        }

    def extraction(self) -> None:
        from peelgraph.build import collect_inputs, extract_all

        files = collect_inputs([self.corpus_dir])
        sample = files if not self.quick else files[:6]
        one, _ = timed(lambda: extract_all(sample, workers=1))
        cores = os.cpu_count() or 1
        many, _ = timed(lambda: extract_all(sample, workers=cores))
        self.results["extraction"] = {
            "documents": len(sample),
            "docs_per_second_1_worker": round(len(sample) / one, 2),
            f"docs_per_second_{cores}_workers": round(len(sample) / many, 2),
            "parallel_speed_up": round(one / many, 2),
        }

    def build(self) -> None:
        out = self.work / "out" / "peel.trig"
        cache = self.work / "cache"
        elapsed, peak, stdout = run_cli(
            "build", str(self.corpus_dir), "-o", str(out), "--overwrite", "--cache", str(cache)
        )
        triples = int(stdout.split("(")[1].split(" ")[0].replace(",", ""))
        self.output = out
        # rebuild after one report changes
        victim = sorted(self.corpus_dir.glob("*.txt"))[0]
        text = victim.read_text(encoding="utf-8")
        victim.write_text(text.replace("Summary of findings", "Summary of findings", 1) + "\n",
                          encoding="utf-8")  # fmt: skip
        rebuild, rebuild_peak, _ = run_cli(
            "build", str(self.corpus_dir), "-o", str(out), "--overwrite", "--cache", str(cache)
        )
        self.results["build"] = {
            "seconds": round(elapsed, 1),
            "report_triples": triples,
            "triples_per_second": round(triples / elapsed),
            "peak_rss_mib": peak,
            "output_mib": round(out.stat().st_size / 2**20, 1),
            "rebuild_after_one_change_seconds": round(rebuild, 1),
            "rebuild_peak_rss_mib": rebuild_peak,
        }
        targets = self.results.setdefault("targets", {})
        assert isinstance(targets, dict)
        targets["full build < 180 s"] = elapsed < 180
        targets["peak RSS < 2048 MiB"] = peak < 2048
        targets["rebuild < 10 s"] = rebuild < 10

    def validation(self) -> None:
        """pySHACL on each report graph vs on the union of the same reports."""
        from rdflib import Graph

        from peelgraph.build import build as run_build
        from peelgraph.validate import validate_graph

        files = sorted(self.corpus_dir.glob("*.txt"))[: 4 if self.quick else 12]
        result = run_build(files, workers=1)
        graphs = []
        for built in result.built:
            g = Graph()
            g.parse(data=built.nquads.decode("utf-8"), format="nquads")
            graphs.append(g)
        per_report, _ = timed(lambda: [validate_graph(g) for g in graphs])
        union = Graph()
        for g in graphs:
            for triple in g:
                union.add(triple)
        whole, _ = timed(lambda: validate_graph(union))
        self.results["validation"] = {
            "reports": len(graphs),
            "per_report_seconds": round(per_report, 2),
            "whole_graph_seconds": round(whole, 2),
            "whole_over_per_report": round(whole / per_report, 2),
            "per_report_seconds_each": round(per_report / len(graphs), 2),
        }

    # -- output -------------------------------------------------------------------------

    def report(self, command: str) -> str:
        machine = (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        versions = ", ".join(
            f"{p} {version(p)}"
            for p in ("peelgraph", "rdflib", "pyshacl", "pyoxigraph", "oxrdflib")
        )
        lines = [
            "# peelgraph benchmarks",
            "",
            f"Command: `{command}`  ",
            f"Machine: {machine}  ",
            f"Versions: {versions}  ",
            f"Scale: {self.scale}{' (quick)' if self.quick else ''}",
            "",
        ]
        for section, values in self.results.items():
            lines.append(f"## {section}")
            lines.append("")
            lines.append("| measure | value |")
            lines.append("|---|---|")
            for key, value in values.items():  # type: ignore[attr-defined]
                lines.append(f"| {key.replace('_', ' ')} | {value} |")
            lines.append("")
        if self.notes:
            lines.append("## Notes")
            lines.append("")
            lines.extend(f"- {note}" for note in self.notes)
            lines.append("")
        return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="full", choices=("small", "medium", "full"))
    parser.add_argument("--quick", action="store_true", help="fewer repeats and samples")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    random.seed(0)
    work = Path(tempfile.mkdtemp(prefix="peelgraph-bench-"))
    try:
        bench = Bench(args.scale, args.quick, work)
        for step in (bench.corpus, bench.extraction, bench.build, bench.validation):
            print(f"... {step.__name__}", file=sys.stderr, flush=True)
            step()
        command = "python benchmarks/bench.py " + " ".join(argv or sys.argv[1:])
        text = bench.report(command.strip())
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        if args.json:
            args.json.write_text(json.dumps(bench.results, indent=2), encoding="utf-8")
        print(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
