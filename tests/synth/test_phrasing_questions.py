"""A core question known only by a phrasing ("Planning for the future", PEEL 2017 efficiency
question 3, which no page at hand words as a question) round-trips through every page kind
the generator writes: no page heads a section with it, its grade is stated in sentences
(the overview's first paragraph, a release's judgments) and read back from them, and the
kinds that head sections by question leave it out of what they must read."""

from __future__ import annotations

import dataclasses
import hashlib
import random

import pytest

from peelgraph.extract import extract_text
from peelgraph.synth import (
    random_facts,
    render_full_report,
    render_landing_page,
    render_landing_web,
    render_news,
    render_overview,
    render_summary,
)
from peelgraph.synth.check import differences
from peelgraph.synth.facts import FULL, LANDING, NEWS, OVERVIEW, SUMMARY
from peelgraph.synth.generate import reportable_frameworks

EFY_2017 = "questions-2017-efficiency"

#: kind -> (renderer of (facts, rng), facts format, whether the kind states the phrasing's grade)
KINDS = {
    "full": (lambda facts, rng: render_full_report(facts), FULL, False),
    "summary": (lambda facts, rng: render_summary(facts), SUMMARY, False),
    "landing": (lambda facts, rng: render_landing_page(facts), LANDING, True),
    "landing-web": (render_landing_web, LANDING, True),
    "overview": (render_overview, OVERVIEW, True),
    "news": (render_news, NEWS, True),
}


def _extract(text: str, vocab):
    return extract_text(text, vocab, path="synthetic.txt",
                        sha256=hashlib.sha256(text.encode()).hexdigest())  # fmt: skip


def _with_phrasing(vocab, framework: str, code: str, label: str):
    """``vocab`` with one core question of ``framework`` known only by ``label``."""
    key, fw = next((k, f) for k, f in vocab.frameworks.items() if f.key == framework)
    questions = tuple(
        dataclasses.replace(q, label=label, alt_labels=()) if q.code == code else q
        for q in fw.questions
    )
    frameworks = {**vocab.frameworks, key: dataclasses.replace(fw, questions=questions)}
    return dataclasses.replace(vocab, frameworks=frameworks)


def _round_trips(vocab, framework: str, code: str, label: str, seeds: int = 12) -> int:
    """Every kind of every report drawn reads back as written; the phrasing's grade is read
    where the kind states it and absent where it does not. How many reports graded it."""
    graded = 0
    for seed in range(seeds):
        rng = random.Random(f"phrasing/{framework}/{seed}")
        facts = random_facts(vocab, rng, framework=framework)
        assert facts.framework == framework
        [section] = [s for s in facts.sections if s.question == code] or [None]
        if section is None:  # left out of this report on purpose
            continue
        assert not section.headed and section.grade != "ungraded"
        graded += 1
        for kind, (render, fmt, states) in KINDS.items():
            text = render(facts, random.Random(f"{kind}/{seed}"))
            # never a heading: no line of the page is the phrasing alone
            assert label.lower() not in {line.strip().lower() for line in text.splitlines()}
            report = _extract(text, vocab)
            assert differences(facts, report, fmt) == [], (kind, text[:1500])
            read = {j.question: j.grade for j in report.judgments}
            if states:
                assert read[code] == section.grade, kind
            else:
                assert code not in read, kind
    return graded


def test_the_2017_efficiency_planning_question_round_trips_in_every_kind(vocab):
    framework = next(f for f in vocab.frameworks.values() if f.key == EFY_2017)
    [planning] = [q for q in framework.core() if q.label == "Planning for the future"]
    assert framework in reportable_frameworks(vocab)
    assert _round_trips(vocab, EFY_2017, planning.code, planning.label) >= 8


def test_any_question_known_only_by_a_phrasing_round_trips(vocab):
    """By rule, not by code: a fictional phrasing given to another framework's question."""
    fictional = _with_phrasing(vocab, "questions-2016-effectiveness", "2016-EFF-4",
                               "Tackling serious and organised crime")  # fmt: skip
    assert _round_trips(fictional, "questions-2016-effectiveness", "2016-EFF-4",
                        "Tackling serious and organised crime") >= 8  # fmt: skip


def test_a_framework_of_phrasings_only_writes_no_full_report(vocab):
    """A full report heads its sections by question: one with none to head is not drawn."""
    fw = next(f for f in vocab.frameworks.values() if f.key == EFY_2017)
    for n, q in enumerate(fw.core(), 1):
        vocab = _with_phrasing(vocab, EFY_2017, q.code, f"Phrasing number {n}")
    assert EFY_2017 not in {f.key for f in reportable_frameworks(vocab)}


@pytest.mark.parametrize("seed", range(4))
def test_a_report_keeps_a_section_a_page_can_head(vocab, seed):
    """The draw may leave questions out, never every headed one."""
    for n in range(40):
        facts = random_facts(vocab, random.Random(f"{seed}/{n}"), framework=EFY_2017)
        assert facts.headed(), facts.missing_sections
