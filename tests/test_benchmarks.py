"""The benchmark script runs end to end on one force of the full scale and reports its figures
(every engine included: embedded Oxigraph on disk and in memory, an Oxigraph server, rdflib)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_smoke_run(tmp_path):
    out, figures = tmp_path / "bench.md", tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--scale", "full", "--forces",
         "1", "--quick", "--out", str(out), "--json", str(figures)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = json.loads(figures.read_text(encoding="utf-8"))
    assert results["corpus"]["reports"] == 15  # one force, every cycle and pillar 2014-2018
    assert results["build"]["report_triples"] > 10_000
    assert results["validation"]["pyshacl over turbo, per report"] > 0
    validation = results["validation"]
    assert validation["turbo, built corpus: report graphs"] == 15
    assert validation["turbo, built corpus: triples"] > 10_000
    assert validation["turbo, built corpus: violations (each report graph / one graph)"] == "0 / 0"
    assert results["build"]["rebuild_after_one_change_seconds"] < results["build"]["seconds"]
    assert (
        results["build"]["peak rss mib, all processes"]
        >= results["build"]["peak rss mib, largest process"]
        > 50
    )
    timings = results["queries on the whole corpus (median ms)"]
    assert len(timings) == 1 + len(list((ROOT / "queries").glob("*.rq")))  # columns + each
    assert all(len(v.split(" / ")) == 5 for k, v in timings.items() if k != "columns")
    assert set(results["targets"]) >= {
        "full build < 180 s", "rebuild < 10 s", "every query < 200 ms median, embedded in memory",
        "every query run as a whole process < 1 s", "server load < 60 s",
        "every query run as a whole process < 1 s, its answer kept",
    }  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# peelgraph benchmarks") and "Machine:" in text
