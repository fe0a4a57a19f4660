"""Every input format builds into a graph that conforms to the shapes."""

from __future__ import annotations

import random

from rdflib import Literal
from rdflib.namespace import DCTERMS

from peelgraph.build import build
from peelgraph.synth import Style, random_facts, render_full_report, render_landing_page
from peelgraph.synth.pdf import render_pdf


def test_full_report_landing_page_and_pdf_build_and_conform(vocab, tmp_path):
    facts = random_facts(vocab, random.Random(21), framework="questions-2016-effectiveness")
    other = random_facts(vocab, random.Random(8), framework="questions-2017-effectiveness")
    (tmp_path / "report.txt").write_text(render_full_report(facts, Style()), encoding="utf-8")
    (tmp_path / "landing.txt").write_text(render_landing_page(facts), encoding="utf-8")
    (tmp_path / "other.pdf").write_bytes(render_pdf(other))
    result = build([tmp_path])
    assert result.validation.conforms, result.validation
    keys = sorted(r.key for r in result.reports)
    assert keys == sorted(
        {f"{facts.force_slug}-2016-effectiveness", f"{other.force_slug}-2017-effectiveness"}
    )
    merged = next(r for r in result.reports if r.year == 2016)
    assert {d.source.document_format for d in merged.documents} == {"full-report", "landing-page"}
    assert [j.grade for j in merged.judgments if j.question == "2016-EFF"] == [facts.overall]
    assert any(result.dataset.quads((None, DCTERMS.format, Literal("application/pdf"), None)))
