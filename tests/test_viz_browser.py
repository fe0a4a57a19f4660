"""The views in a real browser (Playwright driving Debian's chromium) at full corpus scale:
43 forces from the synthetic corpus generator, every partner body they name.

Positions are read from the page: no two force nodes overlap, no two force labels overlap,
every label lies inside the picture, the page is ready in under 3 s; selecting a node
highlights its neighbours, the search box finds a node, the question filter and the
evidence panel give the question's text and the report's year. Screenshots of each view go
to artifacts/screenshots/ (git-ignored; CI keeps them).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app

from .conftest import ROOT

SHOTS = ROOT / "artifacts" / "screenshots"
runner = CliRunner()

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory) -> Path:
    """All 43 forces of the generator's corpus, one PEEL cycle each (2016), built."""
    from peelgraph.synth.corpus import generate_corpus

    folder = tmp_path_factory.mktemp("corpus43")
    from peelgraph.context import default_context  # the 43 packaged forces, not the tests'

    generate_corpus(folder, default_context().vocabulary, scale="small", forces=43, pdf_share=0)
    for file in folder.iterdir():
        if "-2016-" not in file.name:
            file.unlink()
    out = folder.parent / "corpus43.trig"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    return out


def _draw(graph: Path, out: Path, *args: str) -> Path:
    result = runner.invoke(app, ["viz", "partnerships", "-d", str(graph), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return out


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("window.peelgraphReady === true", timeout=10000)
    return page, errors, time.perf_counter() - start


BOXES = """(selector) => Array.from(document.querySelectorAll(selector)).map(el => {
  const r = el.getBoundingClientRect();
  return {id: (el.closest('.node') || el).id, x: r.left, y: r.top, w: r.width, h: r.height};
})"""


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    found = []
    ordered = sorted(boxes, key=lambda b: b["y"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b["y"] >= a["y"] + a["h"]:
                break
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]:
                found.append((a["id"], b["id"]))
    return found


def _outside(page, boxes: list[dict]) -> list[str]:
    frame = page.evaluate(
        "(() => { const r = document.getElementById('view').getBoundingClientRect();"
        " return {x: r.left, y: r.top, w: r.width, h: r.height}; })()"
    )
    return [
        b["id"]
        for b in boxes
        if b["x"] < frame["x"] - 0.5
        or b["y"] < frame["y"] - 0.5
        or b["x"] + b["w"] > frame["x"] + frame["w"] + 0.5
        or b["y"] + b["h"] > frame["y"] + frame["h"] + 0.5
    ]


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=False)


def test_all_forces_network(browser, corpus_graph, tmp_path):
    page, errors, seconds = _open(browser, _draw(corpus_graph, tmp_path / "all.html"))
    assert seconds < 3.0
    forces = page.evaluate(BOXES, ".node[data-kind=force] rect")
    assert len(forces) == 43
    assert _overlaps(forces) == []
    labels = page.evaluate(BOXES, ".node text.label")
    assert _overlaps(page.evaluate(BOXES, ".node[data-kind=force] text.label")) == []
    assert _overlaps(page.evaluate(BOXES, ".node[data-kind=partner] text.label")) == []
    assert _outside(page, labels) == []
    _shot(page, "network-all-forces.png")
    # selecting a force highlights its partners and dims the rest
    page.click(".node[data-kind=force] >> nth=0")
    lit = page.evaluate("document.querySelectorAll('#view .node:not(.dim)').length")
    dim = page.evaluate("document.querySelectorAll('#view .node.dim').length")
    assert lit > 1 and dim > 0
    assert page.locator("#panel .evidence").count() > 0
    assert errors == []
    page.close()


def test_one_force_star_search_and_question(browser, corpus_graph, tmp_path):
    out = _draw(corpus_graph, tmp_path / "one.html", "--force", "thames-valley")
    page, errors, seconds = _open(browser, out)
    assert seconds < 3.0
    assert page.locator(".node[data-kind=force]").count() == 1
    assert _outside(page, page.evaluate(BOXES, ".node circle, .node rect, .node text")) == []
    _shot(page, "network-one-force.png")
    # the search box finds a partner by part of its name and selects it: a partner of the
    # star sought by its last two words, which no other partner's name contains
    labels = page.evaluate(
        "[...document.querySelectorAll('#view .node[data-kind=partner]')].map(n => n.dataset.label)"
    )

    def term(label: str) -> str:
        return " ".join(label.split()[-2:]).lower()

    unique = [
        label
        for label in labels
        if len(label.split()) >= 2 and sum(term(label) in other.lower() for other in labels) == 1
    ]
    assert unique, labels
    wanted = max(unique, key=lambda label: (len(label.split()), label))
    page.fill("#search", term(wanted))
    page.press("#search", "Enter")
    selected = page.evaluate("document.querySelector('#view .node.selected').dataset.label")
    assert selected == wanted
    assert "Thames Valley Police" in page.inner_text("#panel")
    # the question filter lists the question's text and year; the panel repeats them
    option = page.locator("#question option").nth(1)
    code, text = option.get_attribute("value"), option.inner_text()
    assert code and text.startswith(f"{code} (2016): How ")
    page.select_option("#question", code)
    page.evaluate("window.peelgraphSelect(document.querySelector('.node[data-kind=force]').id)")
    panel = page.inner_text("#panel")
    assert "2016 report" in panel and f"{code}: How " in panel
    assert errors == []
    page.close()


def test_matrix(browser, corpus_graph, tmp_path):
    page, errors, seconds = _open(
        browser, _draw(corpus_graph, tmp_path / "m.html", "--view", "matrix")
    )
    assert seconds < 3.0
    rows = page.evaluate(BOXES, ".node[data-kind=force] text")
    cols = page.evaluate(BOXES, ".node[data-kind=partner] text")
    assert len(rows) == 43 and len(cols) >= 40
    assert _overlaps(rows) == []
    assert _outside(page, rows + cols + page.evaluate(BOXES, ".cell")) == []
    cells = page.evaluate(BOXES, ".cell")
    assert _overlaps(cells) == []
    _shot(page, "matrix.png")
    page.click(".cell >> nth=0")
    assert page.locator("#panel .evidence").count() >= 1
    assert errors == []
    page.close()


def test_ego(browser, corpus_graph, tmp_path):
    out = _draw(corpus_graph, tmp_path / "ego.html", "--view", "ego", "--force", "thames-valley")
    page, errors, seconds = _open(browser, out)
    assert seconds < 3.0
    forces = page.evaluate(BOXES, ".node[data-kind=force] rect")
    assert len(forces) == 5  # the South East: Hampshire, Kent, Surrey, Sussex, Thames Valley
    assert _overlaps(forces) == [] and _outside(page, page.evaluate(BOXES, "text")) == []
    headings = page.evaluate(
        "Array.from(document.querySelectorAll('.heading')).map(t => t.textContent)"
    )
    assert "Thames Valley Police and neighbours" in headings
    _shot(page, "ego.png")
    assert errors == []
    page.close()
