"""peelgraph benchmarks: build and query costs on a generated corpus, as figures and ratios.

    python benchmarks/bench.py --scale full            # 602 reports, 43 forces, 3 pillars
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


def median_time(func: Callable[[], object], repeat: int, budget: float = 5.0) -> float:
    """Median of ``repeat`` runs; a single run when the first already takes over ``budget``
    seconds (the slow engine's figure is then one run, which is enough for a ratio)."""
    first, _ = timed(func)
    times = [first]
    if first < budget:
        for _ in range(repeat - 1):
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


class _OxigraphServer:
    """The Oxigraph server (PyPI package oxigraph) on a free port of 127.0.0.1."""

    def __init__(self, location: Path):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.location = location
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import urllib.request

        binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(self.location), "--bind",
             f"127.0.0.1:{self.port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("the Oxigraph server did not start")

    def stop(self) -> None:
        if self.process:
            self.process.kill()
            self.process.wait()


class Bench:
    def __init__(self, scale: str, quick: bool, workdir: Path, forces: int | None = None):
        self.scale, self.quick, self.work, self.forces = scale, quick, workdir, forces
        self.results: dict[str, object] = {}
        self.notes: list[str] = []
        self.reference: list[str] = []  # --reference arguments for the CLI

    # -- corpus and build ---------------------------------------------------------------

    def corpus(self) -> None:
        from peelgraph.reference import load_vocabulary, use_reference
        from peelgraph.synth.corpus import FRAMEWORKS_FILE, generate_corpus

        self.corpus_dir = self.work / "corpus"
        elapsed, files = timed(
            lambda: generate_corpus(
                self.corpus_dir, load_vocabulary(), scale=self.scale, forces=self.forces
            )
        )
        frameworks = self.corpus_dir / FRAMEWORKS_FILE
        if frameworks.is_file():  # the synthetic frameworks of the other pillars
            use_reference([frameworks])  # for the steps measured in this process
            self.reference = ["--reference", str(frameworks)]
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
        args = ["build", str(self.corpus_dir), "-o", str(out), "--overwrite", "--cache", str(cache)]
        elapsed, peak, stdout = run_cli(*args, *self.reference)
        triples = int(stdout.split("(")[1].split(" ")[0].replace(",", ""))
        self.output = out
        # rebuild after one report changes
        victim = sorted(self.corpus_dir.glob("*.txt"))[0]
        text = victim.read_text(encoding="utf-8")
        victim.write_text(text.replace("Summary of findings", "Summary of findings", 1) + "\n",
                          encoding="utf-8")  # fmt: skip
        rebuild, rebuild_peak, _ = run_cli(*args, *self.reference)
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
        """Each SHACL engine on each report graph, and on the union of the same reports."""
        from rdflib import Graph

        from peelgraph.build import build as run_build
        from peelgraph.validate import ENGINES, validate_graph

        files = sorted(self.corpus_dir.glob("*.txt"))[: 4 if self.quick else 12]
        result = run_build(files, workers=1)
        graphs = []
        for built in result.built:
            g = Graph()
            g.parse(data=built.nquads.decode("utf-8"), format="nquads")
            graphs.append(g)
        union = Graph()
        for g in graphs:
            union += g
        figures: dict[str, object] = {"reports": len(graphs)}
        per: dict[str, float] = {}
        for engine in ENGINES:
            validate_graph(graphs[0], engine=engine)  # warm-up: shapes compiled, caches read
            per[engine], reports = timed(
                lambda e=engine: [validate_graph(g, engine=e) for g in graphs]
            )
            whole, union_report = timed(lambda e=engine: validate_graph(union, engine=e))
            assert all(r.conforms for r in reports) and union_report.conforms
            figures[f"{engine}: per report, s each"] = round(per[engine] / len(graphs), 3)
            figures[f"{engine}: whole union, s"] = round(whole, 2)
            figures[f"{engine}: whole over sum of per report"] = round(whole / per[engine], 2)
        figures["pyshacl over turbo, per report"] = round(per["pyshacl"] / per["turbo"], 1)
        self.results["validation"] = figures

    def queries(self) -> None:
        """Median latency of every saved query: embedded Oxigraph and an Oxigraph server on
        the whole corpus; and all three engines, rdflib's memory store included, on a subset
        small enough for rdflib to answer in reasonable time (the ratio between engines)."""
        from peelgraph.queries import list_queries
        from peelgraph.store import (
            Endpoint,
            load_to_endpoint,
            open_dataset,
            open_native,
            run_query,
        )

        repeat = 3 if self.quick else 5
        subset_dir = self.work / "subset"
        subset_dir.mkdir()
        for path in sorted(self.corpus_dir.glob("*.txt"))[:2]:
            shutil.copy(path, subset_dir / path.name)
        subset = self.work / "subset-out" / "peel.trig"
        run_cli("build", str(subset_dir), "-o", str(subset), "--no-cache", *self.reference)

        # the embedded store first, alone on the machine: a server that has just loaded the
        # corpus compacts its store in the background for minutes
        embedded_open, embedded = timed(lambda: open_native(self.output))
        full: dict[str, list[float]] = {
            query.name: [1000 * median_time(lambda q=query: run_query(q, embedded), repeat)]
            for query in list_queries()
        }
        whole = []
        for _ in range(3):
            elapsed, _, _ = run_cli(
                "query", "run", "select_grade_pivot", "--data", str(self.output)
            )
            whole.append(elapsed)
        small_embedded = open_dataset(subset, "oxigraph", persistent=False)
        memory_open, memory = timed(lambda: open_dataset(subset, "memory"))
        small: dict[str, tuple[float, float]] = {}
        for query in list_queries():
            small[query.name] = (
                1000 * median_time(lambda q=query: run_query(q, small_embedded), repeat),
                1000 * median_time(lambda q=query: run_query(q, memory), repeat, budget=2.0),
            )
        server = _OxigraphServer(self.work / "server")
        server.start()
        try:
            store_url = f"{server.base}/store"
            load_seconds, _ = timed(  # a first load: Oxigraph's bulk loader, 3 graphs at once
                lambda: load_to_endpoint(self.output, store_url, timeout=600, bulk=True)
            )
            remote = Endpoint(f"{server.base}/query", timeout=600)
            for query in list_queries():
                full[query.name].append(
                    1000 * median_time(lambda q=query: run_query(q, remote), repeat)
                )
            reload_seconds, _ = timed(  # then each graph replaced in its own transaction
                lambda: load_to_endpoint(self.output, store_url, timeout=600)
            )
        finally:
            server.stop()
        self.results["queries on the whole corpus (median ms)"] = {
            "columns": "embedded Oxigraph / Oxigraph server",
            **{name: f"{e:.1f} / {r:.1f}" for name, (e, r) in full.items()},
        }
        self.results["queries on a 2-document subset (median ms)"] = {
            "columns": "embedded Oxigraph / rdflib memory store / speed-up",
            **{
                name: f"{e:.1f} / {m:.1f} / {m / max(e, 0.01):.0f}x"
                for name, (e, m) in small.items()
            },
        }
        slowest = max(small, key=lambda n: small[n][1])
        worst_embedded = max(e for e, _ in full.values())
        speed_up = small[slowest][1] / max(small[slowest][0], 0.01)
        self.results["query engines"] = {
            "open the persisted embedded store, s": round(embedded_open, 2),
            "open the subset in rdflib's memory store, s": round(memory_open, 2),
            "load the whole corpus into an Oxigraph server (load --bulk), s": round(
                load_seconds, 1
            ),
            "reload it, each graph replaced atomically (load), s": round(reload_seconds, 1),
            "slowest query on rdflib memory (subset)": slowest,
            "its speed-up on embedded Oxigraph": round(speed_up, 1),
            "slowest query on embedded Oxigraph (whole corpus), ms": round(worst_embedded, 1),
            "queries under 200 ms median, embedded": (
                f"{sum(e < 200 for e, _ in full.values())} of {len(full)}"
            ),
            "slowest over the 200 ms target": f"{worst_embedded / 200:.1f}x",
            "peelgraph query run as a whole process, s (median of 3)": round(
                statistics.median(whole), 2
            ),
        }
        targets = self.results.setdefault("targets", {})
        assert isinstance(targets, dict)
        targets["every query < 200 ms median, embedded"] = worst_embedded < 200
        targets["slowest query >= 10x faster embedded than memory"] = speed_up >= 10
        targets["server load < 60 s"] = load_seconds < 60
        targets["query run as a whole process < 1 s"] = statistics.median(whole) < 1

    # -- output -------------------------------------------------------------------------

    def report(self, command: str) -> str:
        machine = (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        versions = ", ".join(
            f"{p} {version(p)}"
            for p in ("peelgraph", "rdflib", "pyshacl", "pyshacl-turbo", "pyoxigraph", "oxrdflib")
        )
        lines = [
            "# peelgraph benchmarks",
            "",
            f"Command: `{command}`  ",
            f"Machine: {machine}  ",
            f"Versions: {versions}  ",
            f"Scale: {self.scale}{f', {self.forces} forces' if self.forces else ''}"
            f"{' (quick)' if self.quick else ''}",
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
    parser.add_argument("--forces", type=int, help="only the first N forces of the scale")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--no-queries", action="store_true", help="skip the query engines (a quick smoke run)"
    )
    args = parser.parse_args(argv)
    random.seed(0)
    work = Path(tempfile.mkdtemp(prefix="peelgraph-bench-"))
    try:
        bench = Bench(args.scale, args.quick, work, args.forces)
        steps = [bench.corpus, bench.extraction, bench.build, bench.validation]
        if not args.no_queries:
            steps.append(bench.queries)
        for step in steps:
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
