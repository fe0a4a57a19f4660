"""The static site on a generated corpus: build time, peak memory, pages, sizes.

    python benchmarks/site.py --scale full                    # 602 reports, 43 forces
    python benchmarks/site.py --scale small --keep /tmp/site  # a quick look at a small one

It writes the corpus, builds its graph (with the query store beside it), then runs
``peelgraph site`` as a child process and measures its wall time and the peak resident
memory of all its processes (sampled every 50 ms), and counts the pages, the largest page
and the whole site's size. Targets (issue 20): full corpus in under 2 minutes and 1.5 GB,
every page under 1 MB. Results go to stdout as Markdown (``--json`` also writes JSON).
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import run_cli  # noqa: E402

TARGET_SECONDS = 120
TARGET_MIB = 1536
PAGE_LIMIT = 1_000_000


def _folder(parts: tuple[str, ...]) -> str:
    """``force`` for id/force/..., ``top`` for index.html and the like."""
    return parts[1] if len(parts) > 2 else "top"


def measure(scale: str, work: Path, forces: int | None, reuse: bool) -> dict[str, object]:
    corpus = work / "corpus"
    graph = work / "peel.trig"
    frameworks = corpus / "synthetic-frameworks.ttl"
    made = built = None
    if not (reuse and graph.is_file()):
        extra = ["--forces", str(forces)] if forces else []
        made = run_cli("corpus", "-o", str(corpus), "--scale", scale, "--pdf-share", "0", *extra)
        reference = ["--reference", str(frameworks)] if frameworks.is_file() else []
        built = run_cli("build", str(corpus), "-o", str(graph), *reference)
    reference = ["--reference", str(frameworks)] if frameworks.is_file() else []
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    run = run_cli("site", str(graph), "-o", str(site), *reference)
    pages = sorted(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in pages}
    largest = max(sizes, key=lambda p: sizes[p])
    kinds = Counter(_folder(p.relative_to(site).parts) for p in pages)
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {
        "scale": scale,
        "forces": forces,
        "corpus_seconds": round(made.seconds, 1) if made else None,
        "graph_build_seconds": round(built.seconds, 1) if built else None,
        "site_seconds": round(run.seconds, 1),
        "site_peak_mib": run.tree_peak_mib,
        "pages": len(pages),
        "pages_by_folder": dict(sorted(kinds.items())),
        "largest_page": str(largest.relative_to(site)),
        "largest_page_bytes": sizes[largest],
        "pages_over_1mb": sum(1 for s in sizes.values() if s >= PAGE_LIMIT),
        "site_mib": round(total / 2**20, 1),
        "files": sum(1 for f in site.rglob("*") if f.is_file()),
        "summary": run.stdout.strip().splitlines()[0] if run.stdout.strip() else "",
    }


def as_markdown(r: dict[str, object]) -> str:
    ok_time = "meets" if float(r["site_seconds"]) < TARGET_SECONDS else "misses"  # type: ignore[arg-type]
    ok_mem = "meets" if int(r["site_peak_mib"]) < TARGET_MIB else "misses"  # type: ignore[call-overload]
    return "\n".join([
        f"## Site, scale {r['scale']} ({platform.machine()}, Python {platform.python_version()})",
        "",
        "| measure | value |",
        "|---|---|",
        f"| graph build (for reference) | {r['graph_build_seconds']} s |",
        f"| `peelgraph site` wall time | {r['site_seconds']} s "
        f"({ok_time} the {TARGET_SECONDS} s target) |",
        f"| peak memory, all processes | {r['site_peak_mib']} MiB "
        f"({ok_mem} the {TARGET_MIB} MiB target) |",
        f"| pages | {r['pages']} |",
        f"| largest page | {r['largest_page']}, {r['largest_page_bytes']:,} bytes |",
        f"| pages of 1 MB or more | {r['pages_over_1mb']} |",
        f"| site on disk | {r['site_mib']} MiB in {r['files']} files |",
        "",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="full", choices=("small", "medium", "full"))
    parser.add_argument("--forces", type=int, help="only the first N forces of the scale")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: reuse the graph built there by an earlier run",
    )
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="peelgraph-site-bench-"))
    if args.keep and not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    try:
        result = measure(args.scale, work, args.forces, args.reuse)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(as_markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if int(result["pages_over_1mb"]) == 0 else 1  # type: ignore[call-overload]


if __name__ == "__main__":
    sys.exit(main())
