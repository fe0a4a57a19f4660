"""Shared fixtures: the reference vocabulary, the seed documents and their built graph."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
SEED_FULL = REPORTS / "thames-valley-peel-effectiveness-2016.txt"
SEED_SUMMARY = REPORTS / "thames-valley-peel-2016-effectiveness-summary.txt"
TEST_DATA = Path(__file__).resolve().parent / "data"


FICTIONAL_FORCES = TEST_DATA / "fictional-forces.ttl"  # also tests.helpers.FICTIONAL_FORCES


@pytest.fixture(scope="session")
def context():
    """The packaged reference data, with the fictional forces of the tests' own documents
    (a document never mints a force), and the default SHACL engine."""
    from peelgraph.context import BuildContext

    return BuildContext.from_options([FICTIONAL_FORCES])


@pytest.fixture(scope="session")
def vocab(context):
    return context.vocabulary


@pytest.fixture(scope="session")
def seed_report(vocab):
    """The full seed report, extracted."""
    from peelgraph.extract import extract_file

    return extract_file(SEED_FULL, vocab)


@pytest.fixture(scope="session")
def seed_summary(vocab):
    from peelgraph.extract import extract_file

    return extract_file(SEED_SUMMARY, vocab)


@pytest.fixture(scope="session")
def seed_build():
    """The bundled data folder built end to end (both seed documents, merged)."""
    from peelgraph.build import build

    return build([REPORTS])


#: Two reports of the fictional Wessex Constabulary (2015 and 2016 effectiveness).
WESSEX = [TEST_DATA / f"wessex-constabulary-{y}-effectiveness.txt" for y in (2015, 2016)]


@pytest.fixture(scope="session")
def seed_and_wessex_file(tmp_path_factory) -> Path:
    """The bundled data and the Wessex reports built by the CLI (the fictional forces given as
    reference data): the graph file the saved queries' tests ask, its store beside it."""
    from typer.testing import CliRunner

    from peelgraph.cli import app

    out = tmp_path_factory.mktemp("seed-and-wessex") / "peel.trig"
    args = ["build", str(REPORTS), *map(str, WESSEX), "-o", str(out)]
    result = CliRunner().invoke(app, [*args, "--reference", str(FICTIONAL_FORCES)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def wessex_built(tmp_path_factory) -> Path:
    """The Wessex 2016 report built by the CLI with no query store: copy it (``wessex_graph``)
    before a test makes a store beside it."""
    from typer.testing import CliRunner

    from peelgraph.cli import app

    out = tmp_path_factory.mktemp("wessex-built") / "g.trig"
    args = ["build", str(WESSEX[1]), "-o", str(out), "--no-store"]
    result = CliRunner().invoke(app, [*args, "--reference", str(FICTIONAL_FORCES)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture()
def wessex_graph(wessex_built, tmp_path) -> Path:
    """A copy of :func:`wessex_built` of the test's own, with no store beside it yet."""
    import shutil

    out = tmp_path / "g.trig"
    shutil.copy(wessex_built, out)
    return out


@pytest.fixture(scope="session")
def seed_full_build():
    """The full seed report alone, built end to end."""
    from peelgraph.build import build

    return build([SEED_FULL])


@pytest.fixture(scope="session")
def seed_graph(seed_full_build):
    """The union of the full report's graph and the reference graph."""
    from rdflib import Graph

    graph = Graph()
    for s, p, o, _ in seed_full_build.dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


#: Debian's chromium, driven by Playwright (no browser download); CI installs it.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: A headless chromium that calls nobody: the pages under test must work with no network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    """A headless chromium for the browser tests; skipped where it is not installed, a
    failure in CI (where .ci/run installs it)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing in CI: .ci/run must install it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
