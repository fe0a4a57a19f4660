"""The static site: built from the seed (with hostile text and the Wessex pair) and from the
small synthetic corpus, checked as files (links, sizes, linked data) and in a real headless
Chromium (console errors, requests outside the folder, accessibility, search, statuses)."""

from __future__ import annotations

import html
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import Dataset, Graph, URIRef
from typer.testing import CliRunner

from peelgraph.cli import app

from ..conftest import ROOT, SEED_FULL, SEED_SUMMARY, TEST_DATA

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
SHOTS = ROOT / "artifacts" / "screenshots" / "site"
FOLLOWS_UP = URIRef("https://w3id.org/peelgraph/ontology#followsUp")
W15 = "https://w3id.org/peelgraph/id/report/wessex-2015-effectiveness"
runner = CliRunner()


def _build(inputs: list[Path], folder: Path, extra: list[str] = ()) -> tuple[Path, Path]:  # type: ignore[assignment]
    graph = folder / "peel.trig"
    result = runner.invoke(app, ["build", *map(str, inputs), "-o", str(graph), *extra])
    assert result.exit_code == 0, result.stderr
    site = folder / "site"
    result = runner.invoke(app, ["site", str(graph), "-o", str(site), *extra])
    assert result.exit_code == 0, result.stderr
    assert "pages (" in result.stdout
    return graph, site


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("site-seed")
    text = SEED_FULL.read_text(encoding="utf-8").replace(
        "Since our last inspection Thames Valley Police has implemented",
        f"{HOSTILE} Since our last inspection Thames Valley Police has implemented",
    )
    assert HOSTILE in text
    hostile = folder / SEED_FULL.name
    hostile.write_text(text, encoding="utf-8")
    wessex = [TEST_DATA / f"wessex-constabulary-{y}-effectiveness.txt" for y in (2015, 2016)]
    # Wessex is a fictional force: the tests' reference file declares it
    fictional = ["--reference", str(TEST_DATA / "fictional-forces.ttl")]
    return _build([hostile, SEED_SUMMARY, *wessex], folder, fictional)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("site-corpus")
    docs = folder / "corpus"
    result = runner.invoke(app, ["corpus", "-o", str(docs), "--scale", "small", "--pdf-share", "0"])
    assert result.exit_code == 0, result.stderr
    frameworks = docs / "synthetic-frameworks.ttl"
    extra = ["--reference", str(frameworks)] if frameworks.is_file() else []
    graph, site = _build([docs], folder, extra)
    result = runner.invoke(app, ["site", str(graph), "-o", str(site), "--workers", "2",
                                 "--overwrite", *extra])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (folder / "summary.txt").write_text(result.stdout, encoding="utf-8")
    return graph, site


_LINK = re.compile(r'(?:href|src)="([^"]+)"')
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
        self._in_jsonld = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self._in_jsonld = False


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_every_link_resolves_inside_the_site_and_pages_are_small(which, request):
    _, site = request.getfixturevalue(which)
    pages = _pages(site)
    assert len(pages) > 50
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    broken = []
    for page in pages:
        assert page.stat().st_size < 1_000_000, page
        here = page.parent.relative_to(site).as_posix()
        for link in _LINK.findall(page.read_text(encoding="utf-8")):
            link = html.unescape(link)
            parts = urlsplit(link)
            if parts.scheme == "data":
                continue
            assert not parts.scheme and not parts.netloc, f"{page}: {link}"
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            if parts.path and target not in files:  # outside the folder: never in files
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_paths_mirror_the_iris_and_linked_data_matches(seed):
    graph_file, site = seed
    ds = Dataset()
    ds.parse(graph_file, format="trig")
    item = "https://w3id.org/peelgraph/id/report/thames-valley-2016-effectiveness/afi/2016-eff-2/2"
    page = site / "id" / item.split("/id/", 1)[1] / "index.html"
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    doc = json.loads(parser.jsonld[0])
    assert doc["@context"] == "https://w3id.org/peelgraph/ontology/context-v1.jsonld"
    assert doc["id"] == item and doc["type"] == "AreaForImprovement"
    assert "digital-evidence" in doc["themes"]
    turtle = Graph().parse(page.with_suffix(".ttl"), format="turtle")
    for triple in turtle:
        assert next(ds.quads(triple), None) is not None, triple  # each one is in the graph
    assert len(turtle) >= 5
    force = site / "id" / "force" / "thames-valley"
    ego = (force / "partnerships.svg").read_text(encoding="utf-8")  # the viz ego view
    assert ego.lstrip().startswith("<svg") and "Thames Valley Police" in ego
    assert 'src="partnerships.svg"' in (force / "index.html").read_text(encoding="utf-8")
    csv_text = page.with_suffix(".csv").read_text(encoding="utf-8")
    assert csv_text.startswith("item,kind,force,year") and item in csv_text


def test_report_text_is_escaped_in_the_html(seed):
    _, site = seed
    hits = [p for p in _pages(site) if "window.pwned" in p.read_text(encoding="utf-8")]
    assert hits
    for page in hits:
        text = page.read_text(encoding="utf-8")
        assert HOSTILE not in text and "<script>window.pwned" not in text
        assert "&lt;script&gt;window.pwned" in text or "\\u003cscript\\u003ewindow.pwned" in text


def test_the_site_code_holds_no_sparql():
    code = Path(__file__).resolve().parents[2] / "src" / "peelgraph" / "site"
    for module in code.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert not re.search(r"\b(SELECT|CONSTRUCT|PREFIX)\s+[?<a-z]", text), module


def test_an_existing_site_is_kept_without_overwrite(seed, tmp_path):
    graph_file, _ = seed
    out = tmp_path / "mine"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["site", str(graph_file), "-o", str(out)])
    assert result.exit_code == 2 and "folder is not empty" in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    missing = runner.invoke(app, ["site", str(tmp_path / "none.trig"), "-o", str(tmp_path / "s")])
    assert missing.exit_code == 2 and not (tmp_path / "s").exists()


def test_one_worker_or_two_write_the_same_site(corpus, tmp_path):
    """Item pages and similar items from worker processes: the same bytes as one process."""
    from peelgraph.site import items

    graph_file, site = corpus  # written with two workers
    two = (graph_file.parent / "summary.txt").read_text(encoding="utf-8")
    assert int(re.search(r"\bitem (\d+)", two)[1]) > items.CHUNK  # in chunks, in workers
    frameworks = graph_file.parent / "corpus" / "synthetic-frameworks.ttl"
    extra = ["--reference", str(frameworks)] if frameworks.is_file() else []
    alone = tmp_path / "alone"
    result = runner.invoke(app, ["site", str(graph_file), "-o", str(alone), "--workers", "1",
                                 *extra])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    # the pages counted by kind: the same when the workers count them
    assert result.stdout.splitlines()[0].split(": ", 1)[1] == two.splitlines()[0].split(": ", 1)[1]
    mine = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(alone): p.read_bytes() for p in alone.rglob("*") if p.is_file()}
    assert mine.keys() == theirs.keys()
    assert [path for path in mine if mine[path] != theirs[path]] == []
    similar = [p for p in mine if p.name == "index.html" and b'class="similar"' in mine[p]]
    assert len(similar) > 100  # the similarity lists were compared, not only empty ones


def test_site_data_does_not_depend_on_the_order_of_the_stores_rows(corpus, monkeypatch):
    """The item queries have no ORDER BY: the store may return their rows in any order (a new
    query plan did). The site's items, and what each holds, come out the same."""
    from dataclasses import astuple

    from peelgraph.site import data
    from peelgraph.store import open_dataset, run_query

    graph_file, _ = corpus
    source = open_dataset(graph_file)
    before = data.read_site_data(source).items

    def reversed_rows(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = run_query(name, *args, **kwargs)
        result.rows.reverse()
        return result

    monkeypatch.setattr(data, "run_query", reversed_rows)
    after = data.read_site_data(source).items
    assert list(after) == list(before) == sorted(before)
    assert [astuple(i) for i in after.values()] == [astuple(i) for i in before.values()]


# -- in a real browser -------------------------------------------------------------------------


def _watched(browser, site: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    root = site.resolve().as_uri()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def guard(route):  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(root + "/") or url.startswith("data:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", guard)
    return page, errors, outside


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_crawl_every_page_without_errors_or_outside_requests(browser, which, request):
    _, site = request.getfixturevalue(which)
    page, errors, outside = _watched(browser, site)
    pages = _pages(site)
    if which == "corpus":  # every page but items, and every fifth item (one template; the
        # links of every page are checked as files above): keeps the browser under a minute
        items = [p for p in pages if p.parent.parent.parent.name in ITEM_KINDS]
        pages = sorted(set(pages) - set([p for n, p in enumerate(items) if n % 5]))
    for path in pages:
        page.goto(path.as_uri(), wait_until="load")
    assert errors == [] and outside == []
    page.close()


ITEM_KINDS = {"afi", "finding", "concern", "recommendation", "follow-up"}
PAGE_KINDS = {
    "home": "index.html",
    "force": "id/force/thames-valley/index.html",
    "report": "id/report/wessex-2016-effectiveness/index.html",
    "judgment": "id/report/thames-valley-2016-effectiveness/judgment/2016-eff-3/index.html",
    "question": "id/question/2016-eff-2/index.html",
    "theme": "id/theme/workload-and-capacity/index.html",
    "item": "id/report/wessex-2015-effectiveness/afi/2015-eff-2/2/index.html",
    "questions": "questions.html",
    "themes": "themes.html",
    "search": "search.html?q=digital",
}


@pytest.mark.browser
def test_each_page_kind_is_accessible_and_screenshotted(browser, seed):
    from axe_playwright_python.sync_playwright import Axe

    _, site = seed
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, errors, outside = _watched(browser, site)
    axe = Axe()
    serious = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(site.resolve().as_uri() + "/" + path)
        if kind == "search":
            page.wait_for_function("window.peelSearchDone === true", timeout=10000)
        assert errors == [], kind
        violations = axe.run(page).response["violations"]
        errors.clear()  # axe itself reads the stylesheets by XHR, which file:// refuses
        bad = [v["id"] for v in violations if v.get("impact") in ("serious", "critical")]
        if bad:
            serious[kind] = bad
        page.screenshot(path=str(SHOTS / f"{kind}.png"), full_page=False)
    assert serious == {}
    assert errors == [] and outside == []
    page.close()


@pytest.mark.browser
def test_search_finds_an_area_for_improvement_by_a_word(browser, seed):
    _, site = seed
    page, errors, _ = _watched(browser, site)
    page.goto((site / "search.html").resolve().as_uri())
    page.fill("#q", "retrieve")
    page.click("button[type=submit]")
    page.wait_for_function("window.peelSearchDone === true", timeout=10000)
    hrefs = page.eval_on_selector_all("#results a", "els => els.map(e => e.href)")
    assert any(h.endswith("/afi/2016-eff-2/2/index.html") for h in hrefs), hrefs
    page.fill("#q", "zzzznotaword")
    page.click("button[type=submit]")
    page.wait_for_function("window.peelSearchDone === true", timeout=10000)
    assert page.eval_on_selector_all("#results li", "els => els.length") == 0
    assert errors == []
    page.close()


@pytest.mark.browser
def test_status_and_chain_follow_the_graphs_follow_up_links(browser, seed):
    graph_file, site = seed
    ds = Dataset()
    ds.parse(graph_file, format="trig")
    links = {(str(s), str(o)) for s, _, o, _ in ds.quads((None, FOLLOWS_UP, None, None))}
    assert links
    kind_of = {later: ("/afi/" in later) for later, _ in links}
    page, errors, _ = _watched(browser, site)
    afis = sorted(
        {
            str(s)
            for s, _, _, _ in ds.quads((None, None, None, None))
            if str(s).startswith(W15 + "/afi/") and str(s).count("/") == 9
        }
    )
    assert len(afis) >= 3
    for afi in afis:
        page.goto((site / "id" / afi.split("/id/", 1)[1] / "index.html").resolve().as_uri())
        later = {e for e, earlier in links if earlier == afi}
        shown = set(page.eval_on_selector_all(".chain li", "els => els.map(e => e.dataset.later)"))
        assert shown == later, afi
        status = page.inner_text("dd .status")
        if not later:
            assert status == "no longer raised"  # the 2016 report is in the graph
        elif any(kind_of[e] for e in later):
            assert status == "recurring"
        else:
            assert status == "progress reported"
    assert errors == []
    page.close()


@pytest.mark.browser
def test_hostile_report_text_is_shown_as_text(browser, seed):
    _, site = seed
    page_file = next(
        p
        for p in _pages(site)
        if "/finding/" in str(p) and "window.pwned" in p.read_text(encoding="utf-8")
    )
    page, errors, outside = _watched(browser, site)
    page.goto(page_file.resolve().as_uri())
    assert "<script>window.pwned = 1</script>" in page.inner_text("main")
    assert page.evaluate("window.pwned === undefined")
    assert re.search(r"src=x", page.inner_text("main"))
    assert outside == []
    page.close()


def test_statuses_from_the_follow_up_links(seed):
    from peelgraph.site import read_site_data
    from peelgraph.store import open_native

    graph_file, _ = seed
    data = read_site_data(open_native(graph_file))
    status = {iri.removeprefix(W15): i.status for iri, i in data.items.items()
              if iri.startswith(W15 + "/afi/")}  # fmt: skip
    assert status["/afi/2015-eff-1/1"] == "recurring"
    assert status["/afi/2015-eff-2/1"] == "recurring"
    assert status["/afi/2015-eff-2/2"] == "progress reported"
    others = {k: v for k, v in status.items() if k.count("/") == 3}.keys() - {
        "/afi/2015-eff-1/1",
        "/afi/2015-eff-2/1",
        "/afi/2015-eff-2/2",
    }
    assert all(status[k] == "no longer raised" for k in others)
    later = data.items[W15 + "/afi/2015-eff-2/2"].status_item
    assert later is not None and later.kind == "Follow-up of an earlier finding"
    assert later.report.issued == "2017-04"
    tv = [i for i in data.items.values() if i.report.slug == "thames-valley" and i.status]
    assert tv and all(i.status == "open" for i in tv)  # no later Thames Valley report
