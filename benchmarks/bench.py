"""peelgraph benchmarks: build and query costs on a generated corpus, as figures and ratios.

    python benchmarks/bench.py --scale full                         # 645 reports, 43 forces
    python benchmarks/bench.py --scale full --forces 1 --quick      # a smoke run (tests)

It generates the corpus, then measures extraction (one worker and all cores), the full
build and a rebuild after one report changes (time, peak memory of all the build's
processes), SHACL validation (pyshacl-turbo and pySHACL, per report and on the union of a
sample; pyshacl-turbo on every report graph of the built corpus and on all of them at once), and
every saved query: on embedded Oxigraph on disk (the persistent store one-shot commands
open) and in memory (a session), each in a clean process; on an Oxigraph server after a
bulk load; as a whole ``peelgraph query run`` process; and on rdflib's memory store beside
embedded Oxigraph on a ten-report subset (rdflib would take hours on the corpus).

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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A corpus document's name: its report's stem, then the format's suffix.
_REPORT_FILE = re.compile(r"^(.+-peel-\d{4}-[a-z]+)(?:-summary|-landing)?\.(?:txt|pdf)$")


def _stem(name: str) -> str | None:
    """The report a corpus document belongs to (``kent-peel-2016-effectiveness``), if any."""
    match = _REPORT_FILE.match(name)
    return match.group(1) if match else None


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


def _tree_rss_kib(pid: int) -> tuple[int, int]:
    """Resident memory of a process and all its descendants (Linux /proc), KiB: the sum, and
    the largest process's."""
    total, largest, todo = 0, 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        rss = int(line.split()[1])
                        total, largest = total + rss, max(largest, rss)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    todo.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue  # the process ended meanwhile
    return total, largest


@dataclass
class Run:
    """A CLI run: wall time, peak RSS of its largest process and of all its processes at
    once (the main process and its extraction workers, sampled every 50 ms), output."""

    seconds: float
    peak_mib: int
    tree_peak_mib: int
    stdout: str


def run_cli(*args: str) -> Run:
    """Run the peelgraph CLI in a child process and measure it."""
    return run_child([sys.executable, "-m", "peelgraph", *args])


def run_child(command: list[str]) -> Run:
    """Run a command in a child process: its wall time, peak memory and output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]  # all processes, largest process
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            total, largest = _tree_rss_kib(process.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[1:])} failed:\n{stderr}")
    return Run(elapsed, peaks[1] // 1024, peaks[0] // 1024, stdout)


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
        from peelgraph.context import default_context

        self.context = default_context()  # the same reference data, for in-process steps

    # -- corpus and build ---------------------------------------------------------------

    def corpus(self) -> None:
        from peelgraph.context import BuildContext
        from peelgraph.synth.corpus import FRAMEWORKS_FILE, generate_corpus

        self.corpus_dir = self.work / "corpus"
        elapsed, files = timed(
            lambda: generate_corpus(
                self.corpus_dir, self.context.vocabulary, scale=self.scale, forces=self.forces
            )
        )
        frameworks = self.corpus_dir / FRAMEWORKS_FILE
        if frameworks.is_file():  # the synthetic frameworks of the other pillars
            self.context = BuildContext.from_options([frameworks])  # for in-process steps
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
        one, _ = timed(lambda: extract_all(sample, self.context, workers=1))
        cores = os.cpu_count() or 1
        many, _ = timed(lambda: extract_all(sample, self.context, workers=cores))
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
        first = run_cli(*args, *self.reference)
        elapsed, peak, stdout = first.seconds, first.tree_peak_mib, first.stdout
        triples = int(stdout.split("(")[1].split(" ")[0].replace(",", ""))
        self.output = out
        # rebuild after one report changes
        victim = sorted(self.corpus_dir.glob("*.txt"))[0]
        text = victim.read_text(encoding="utf-8")
        victim.write_text(text.replace("Summary of findings", "Summary of findings", 1) + "\n",
                          encoding="utf-8")  # fmt: skip
        again = run_cli(*args, *self.reference)
        rebuild, rebuild_peak = again.seconds, again.tree_peak_mib
        self.results["build"] = {
            "seconds": round(elapsed, 1),
            "report_triples": triples,
            "triples_per_second": round(triples / elapsed),
            "peak rss mib, all processes": peak,
            "peak rss mib, largest process": first.peak_mib,
            "output_mib": round(out.stat().st_size / 2**20, 1),
            "rebuild_after_one_change_seconds": round(rebuild, 1),
            "rebuild peak rss mib, all processes": rebuild_peak,
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
        from peelgraph.context import ENGINES
        from peelgraph.validate import validate_graph

        files = sorted(self.corpus_dir.glob("*.txt"))[: 4 if self.quick else 12]
        result = run_build(files, self.context, workers=1)
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
            ctx = self.context.with_engine(engine)
            validate_graph(graphs[0], ctx)  # warm-up: shapes compiled, caches read
            per[engine], reports = timed(lambda c=ctx: [validate_graph(g, c) for g in graphs])
            whole, union_report = timed(lambda c=ctx: validate_graph(union, c))
            assert all(r.conforms for r in reports) and union_report.conforms
            figures[f"{engine}: per report, s each"] = round(per[engine] / len(graphs), 3)
            figures[f"{engine}: whole union, s"] = round(whole, 2)
            figures[f"{engine}: whole over sum of per report"] = round(whole / per[engine], 2)
        figures["pyshacl over turbo, per report"] = round(per["pyshacl"] / per["turbo"], 1)
        self.results["validation"] = figures
        self._validate_corpus(figures)

    def _validate_corpus(self, figures: dict[str, object]) -> None:
        """pyshacl-turbo on every report graph of the built corpus, one at a time (as the
        build validates), against one validation of all of them together; each in a clean
        process, so that its peak memory is its own."""
        runs = {}
        for mode in ("per-report", "whole"):
            run = run_child([sys.executable, __file__, "--validate-corpus", mode,
                             str(self.output), *self.reference[1:]])  # fmt: skip
            runs[mode] = (json.loads(run.stdout), run.peak_mib)
        (per, per_peak), (whole, whole_peak) = runs["per-report"], runs["whole"]
        figures["turbo, built corpus: report graphs"] = per["graphs"]
        figures["turbo, built corpus: triples"] = whole["triples"]
        figures["turbo, built corpus: each report graph, s in all"] = round(per["seconds"], 1)
        figures["turbo, built corpus: each report graph, peak rss mib"] = per_peak
        figures["turbo, built corpus: all in one graph, s"] = round(whole["seconds"], 1)
        figures["turbo, built corpus: all in one graph, peak rss mib"] = whole_peak
        figures["turbo, built corpus: one graph over each report graph"] = round(
            whole["seconds"] / per["seconds"], 1
        )
        figures["turbo, built corpus: violations (each report graph / one graph)"] = (
            f"{per['violations']} / {whole['violations']}"
        )

    def queries(self) -> None:
        """Median latency of every saved query on the whole corpus: embedded Oxigraph on disk
        (the persistent store a one-shot command opens), embedded Oxigraph in memory (a
        session that loads the graph once) and an Oxigraph server; each query as a whole
        ``peelgraph query run`` process; and, on a subset small enough for rdflib to answer
        in reasonable time, rdflib's memory store beside embedded Oxigraph (the ratio)."""
        from peelgraph.queries import list_queries
        from peelgraph.store import (
            Endpoint,
            load_to_endpoint,
            open_dataset,
            run_query,
        )

        repeat = 3 if self.quick else 5
        queries = list_queries()
        subset_dir = self.work / "subset"
        subset_dir.mkdir()
        documents = {p: _stem(p.name) for p in sorted(self.corpus_dir.iterdir())}
        stems = sorted({stem for stem in documents.values() if stem})
        chosen = set(stems[: 2 if self.quick else 10])  # every document of the first reports
        for path, stem in documents.items():
            if stem in chosen:
                shutil.copy(path, subset_dir / path.name)
        subset_size = f"{len(list(subset_dir.iterdir()))} documents, {len(chosen)} reports"
        subset = self.work / "subset-out" / "peel.trig"
        run_cli("build", str(subset_dir), "-o", str(subset), "--no-cache", *self.reference)

        # the embedded stores first, alone on the machine: a server that has just loaded the
        # corpus compacts its store in the background for minutes
        disk_open, on_disk = self._session("disk", repeat)
        memory_open, in_mem = self._session("memory", repeat)
        whole: dict[str, float] = {}
        kept: dict[str, float] = {}
        for q in queries:  # one-shot commands: start Python, open the store, answer, print
            command = ("query", "run", q.name, "--data", str(self.output))
            runs = [run_cli(*command, "--no-cache").seconds
                    for _ in range(1 if self.quick else 3)]  # fmt: skip
            whole[q.name] = statistics.median(runs)
            run_cli(*command)  # computed once more, and its answer kept with the store
            kept[q.name] = run_cli(*command).seconds  # the kept answer printed
        small_embedded = open_dataset(subset, "oxigraph", persistent=False)
        rdflib_open, memory = timed(lambda: open_dataset(subset, "memory"))
        small: dict[str, tuple[float, float]] = {}
        for q in queries:
            small[q.name] = (
                1000 * median_time(lambda q=q: run_query(q, small_embedded), repeat),
                1000 * median_time(lambda q=q: run_query(q, memory), repeat, budget=2.0),
            )
        server = _OxigraphServer(self.work / "server")
        server.start()
        try:
            store_url = f"{server.base}/store"
            load_seconds, _ = timed(  # a first load: Oxigraph's bulk loader, 3 graphs at once
                lambda: load_to_endpoint(self.output, store_url, timeout=600, bulk=True)
            )
            remote = Endpoint(f"{server.base}/query", timeout=600)
            on_server = {q.name: 1000 * median_time(lambda q=q: run_query(q, remote), repeat)
                         for q in queries}  # fmt: skip
            reload_seconds, _ = timed(  # then each graph replaced in its own transaction
                lambda: load_to_endpoint(self.output, store_url, timeout=600)
            )
        finally:
            server.stop()
        self.results["queries on the whole corpus (median ms)"] = {
            "columns": "embedded Oxigraph in memory / embedded Oxigraph on disk / Oxigraph "
            "server / peelgraph query run as a whole process, computed (--no-cache) / the "
            "same, its answer kept with the store",
            **{
                q.name: f"{in_mem[q.name]:.1f} / {on_disk[q.name]:.1f} / "
                f"{on_server[q.name]:.1f} / {1000 * whole[q.name]:.0f} / "
                f"{1000 * kept[q.name]:.0f}"
                for q in queries
            },
        }
        self.results[f"queries on a subset: {subset_size} (median ms)"] = {
            "columns": "embedded Oxigraph in memory / rdflib memory store / speed-up",
            **{
                name: f"{e:.1f} / {m:.1f} / {m / max(e, 0.01):.0f}x"
                for name, (e, m) in small.items()
            },
        }
        slowest = max(small, key=lambda n: small[n][1])
        speed_up = small[slowest][1] / max(small[slowest][0], 0.01)
        worst_mem, worst_disk = max(in_mem.values()), max(on_disk.values())
        worst_whole = max(whole.values())
        self.results["query engines"] = {
            "open the persistent embedded store (on disk), s": round(disk_open, 2),
            "open the corpus in an embedded in-memory store, s": round(memory_open, 2),
            "open the subset in rdflib's memory store, s": round(rdflib_open, 2),
            "load the whole corpus into an Oxigraph server (load --bulk), s": round(
                load_seconds, 1
            ),
            "reload it, each graph replaced atomically (load), s": round(reload_seconds, 1),
            "slowest query on rdflib memory (subset)": slowest,
            "its speed-up on embedded Oxigraph": round(speed_up, 1),
            "queries under 200 ms median, embedded in memory": (
                f"{sum(v < 200 for v in in_mem.values())} of {len(in_mem)} "
                f"(slowest {max(in_mem, key=in_mem.__getitem__)}, {worst_mem:.0f} ms)"
            ),
            "queries under 200 ms median, embedded on disk": (
                f"{sum(v < 200 for v in on_disk.values())} of {len(on_disk)} "
                f"(slowest {max(on_disk, key=on_disk.__getitem__)}, {worst_disk:.0f} ms)"
            ),
            "query run as a whole process under 1 s": (
                f"{sum(v < 1 for v in whole.values())} of {len(whole)} "
                f"(slowest {max(whole, key=whole.__getitem__)}, {worst_whole:.2f} s)"
            ),
            "query run as a whole process under 1 s, its answer kept": (
                f"{sum(v < 1 for v in kept.values())} of {len(kept)} "
                f"(slowest {max(kept, key=kept.__getitem__)}, {max(kept.values()):.2f} s)"
            ),
        }
        targets = self.results.setdefault("targets", {})
        assert isinstance(targets, dict)
        targets["every query < 200 ms median, embedded in memory"] = worst_mem < 200
        targets["every query < 200 ms median, embedded on disk"] = worst_disk < 200
        targets["slowest query >= 10x faster embedded than memory"] = speed_up >= 10
        targets["server load < 60 s"] = load_seconds < 60
        targets["every query run as a whole process < 1 s"] = worst_whole < 1
        targets["every query run as a whole process < 1 s, its answer kept"] = (
            max(kept.values()) < 1
        )

    def _session(self, store: str, repeat: int) -> tuple[float, dict[str, float]]:
        """Open the corpus in embedded Oxigraph (``disk``: the persistent store; ``memory``:
        loaded into memory) in a fresh Python process, as a script or a notebook would, and
        time each saved query there: seconds to open, median milliseconds per query. A
        process of its own keeps this benchmark's other work (its heap, its threads) out of
        the figures."""
        done = subprocess.run(
            [sys.executable, __file__, "--session", store, str(self.output), "--repeat",
             str(repeat)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"the {store} session failed:\n{done.stderr}")
        figures = json.loads(done.stdout)
        return figures["open"], figures["queries"]

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


def session(store: str, graph_file: Path, repeat: int) -> dict[str, object]:
    """``--session``: open ``graph_file`` in embedded Oxigraph and time every saved query."""
    from peelgraph.queries import list_queries
    from peelgraph.store import open_dataset, open_native, run_query

    if store == "disk":
        opened, source = timed(lambda: open_native(graph_file))
    else:
        opened, source = timed(lambda: open_dataset(graph_file, "oxigraph", persistent=False))
    return {
        "open": opened,
        "queries": {
            q.name: 1000 * median_time(lambda q=q: run_query(q, source), repeat)
            for q in list_queries()
        },
    }


def validate_corpus(mode: str, graph_file: Path, reference: list[Path]) -> dict[str, object]:
    """``--validate-corpus``: validate the report graphs of a built graph file with
    pyshacl-turbo, each with the reference data (``per-report``) or all at once (``whole``).
    The file is read with Oxigraph's parser, which keeps every literal as written."""
    import pyoxigraph as ox

    from peelgraph.context import BuildContext
    from peelgraph.graphio import read_graph_triples
    from peelgraph.iris import LINKS_GRAPH, REFERENCE_GRAPH
    from peelgraph.validate import validate_ntriples

    context = BuildContext.from_options(reference, "turbo")
    graphs = read_graph_triples(graph_file)
    for skipped in (REFERENCE_GRAPH, LINKS_GRAPH):
        graphs.pop(str(skipped), None)
    texts = [ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode() for triples in
             graphs.values()]  # fmt: skip
    if mode == "whole":
        texts = ["".join(texts)]
    start = time.perf_counter()
    violations = sum(len(validate_ntriples(text, context).violations) for text in texts)
    return {
        "graphs": len(graphs),
        "triples": sum(len(t) for t in graphs.values()),
        "seconds": time.perf_counter() - start,
        "violations": violations,
    }


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
    parser.add_argument("--session", nargs=2, metavar=("disk|memory", "GRAPH"),
                        help=argparse.SUPPRESS)  # fmt: skip
    parser.add_argument("--repeat", type=int, default=5, help=argparse.SUPPRESS)
    parser.add_argument("--validate-corpus", nargs="+", metavar="ARG", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.validate_corpus:
        mode, graph_file, *reference = args.validate_corpus
        print(json.dumps(validate_corpus(mode, Path(graph_file), [Path(r) for r in reference])))
        return 0
    if args.session:
        store, graph_file = args.session
        print(json.dumps(session(store, Path(graph_file), args.repeat)))
        return 0
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
