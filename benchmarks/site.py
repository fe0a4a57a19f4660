"""The static site on a generated corpus: build time, peak memory, pages, sizes.

    python benchmarks/site.py --scale full                    # 602 reports, 43 forces
    python benchmarks/site.py --scale small --keep /tmp/site  # a quick look at a small one

It writes the corpus, builds its graph (with the query store beside it), then runs
``peelgraph site`` as a child process and measures its wall time and the peak resident
memory of all its processes (sampled every 50 ms), and counts the pages, the largest page
and the whole site's size. Targets (issue 20): full corpus in under 2 minutes and 1.5 GB,
every page under 1 MB. Results go to stdout as Markdown (``--json`` also writes JSON).

With ``--browser`` it also opens the site from ``file://`` in headless Chromium (Debian's,
driven by Playwright, as the tests do) and times how long each page kind takes to become
interactive (target: under 1 s): the home page (loaded, then a filter applied and the rows
counted), the largest force page and the largest item page (loaded: the ``load`` event,
scripts run), and search (page loaded, a query typed and submitted, the results shown), for
a rare word and for a word in most items. Each figure is the median of three runs, each in
a new browser context (nothing cached).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import run_cli  # noqa: E402

TARGET_SECONDS = 120
TARGET_MIB = 1536
PAGE_LIMIT = 1_000_000
TARGET_INTERACTIVE_MS = 1000
#: As tests/conftest.py launches it: headless, no network of its own.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _folder(parts: tuple[str, ...]) -> str:
    """``force`` for id/force/..., ``top`` for index.html and the like."""
    return parts[1] if len(parts) > 2 else "top"


def measure(
    scale: str, work: Path, forces: int | None, reuse: bool, workers: int | None = None
) -> dict[str, object]:
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
    jobs = ["--workers", str(workers)] if workers else []
    run = run_cli("site", str(graph), "-o", str(site), *reference, *jobs)
    pages = sorted(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in pages}
    largest = max(sizes, key=lambda p: sizes[p])
    kinds = Counter(_folder(p.relative_to(site).parts) for p in pages)
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {
        "scale": scale,
        "forces": forces,
        "workers": workers or os.cpu_count(),
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


def _largest(site: Path, pattern: str) -> Path:
    return max(site.glob(pattern), key=lambda p: p.stat().st_size)


def _rare_word(site: Path) -> str:
    """A word of one area for improvement's text that few items hold."""
    from peelgraph.site.search import words

    page = next(site.glob("id/report/*/afi/*/*/index.html"))
    text = page.read_text(encoding="utf-8").split('<blockquote class="itemtext"><p>', 1)[1]
    return max(words(text.split("</p>", 1)[0]), key=len)


def _timed(browser, url: str, then=None) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds from asking for ``url`` to its ``load`` event (its scripts run), and
    then to the end of ``then(page)``; in a new context, so nothing is cached."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    if then is not None:
        then(page)
    elapsed = (time.perf_counter() - start) * 1000
    context.close()
    if errors:
        raise SystemExit(f"{url}: {errors}")
    return elapsed


def _filter(page) -> None:  # type: ignore[no-untyped-def]
    before = page.text_content("#filter-count")
    value = page.eval_on_selector("#filter-year", "s => s.options[s.options.length - 1].value")
    page.select_option("#filter-year", value)
    changed = "b => document.getElementById('filter-count').textContent !== b"
    page.wait_for_function(changed, arg=before)


def _search(query: str):  # type: ignore[no-untyped-def]
    def run(page) -> None:  # type: ignore[no-untyped-def]
        page.fill("#q", query)
        page.click("button[type=submit]")
        page.wait_for_function("window.peelSearchDone === true", timeout=30000)
        assert page.locator("#results li").count() > 0, query

    return run


def interactive(site: Path, runs: int = 3) -> dict[str, object]:
    """Median milliseconds to interactive of each page kind, opened from file://."""
    from playwright.sync_api import sync_playwright

    rare = _rare_word(site)
    cases = {
        "home (load, then a filter)": (site / "index.html", _filter),
        "largest force page": (_largest(site, "id/force/*/index.html"), None),
        "largest item page": (_largest(site, "id/report/*/*/*/*/index.html"), None),
        f"search, rare word “{rare}”": (site / "search.html", _search(rare)),
        "search, common word “police”": (site / "search.html", _search("police")),
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        found = {
            name: round(statistics.median(
                _timed(browser, path.resolve().as_uri(), then) for _ in range(runs)))
            for name, (path, then) in cases.items()
        }  # fmt: skip
        browser.close()
    return {"interactive_ms": found, "interactive_pages": {
        name: str(path.relative_to(site)) for name, (path, _) in cases.items()}}  # fmt: skip


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
        f"| worker processes | {r['workers']} |",
        *(
            f"| interactive from file://, {name} | {ms} ms "
            f"({'meets' if ms < TARGET_INTERACTIVE_MS else 'misses'} the 1 s target) |"
            for name, ms in r.get("interactive_ms", {}).items()  # type: ignore[attr-defined]
        ),
        "",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="full", choices=("small", "medium", "full"))
    parser.add_argument("--forces", type=int, help="only the first N forces of the scale")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--workers", type=int, help="peelgraph site --workers (default: its own)")
    parser.add_argument(
        "--browser", action="store_true", help="also time each page kind to interactive"
    )
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
        result = measure(args.scale, work, args.forces, args.reuse, args.workers)
        if args.browser:
            result.update(interactive(work / "site"))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(as_markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if int(result["pages_over_1mb"]) == 0 else 1  # type: ignore[call-overload]


if __name__ == "__main__":
    sys.exit(main())
