"""The web page kinds of issue 15, written from :class:`~.facts.ReportFacts`.

The generator's own knowledge of the layouts (never the reader's code: ``synth`` must not
import ``extract``):

- the pillar's **overview page**: "Skip to content" (or not), the title in one of the year's
  shapes, perhaps the pillar, the headline question, "Last updated dd/mm/yyyy" above or below
  it, the bare grade line under the question or under the date (or lost: the overview's
  first paragraph states the grade), the overview paragraphs, perhaps "Questions for
  <Pillar>", then per core question its number (or not), wording, grade line, paragraphs and
  "Areas for improvement";
- a force's **news release**: a headline that names the force and states the pillar's grade,
  "Posted:" or "Published on:", "Get the report", the report line ("PEEL: police
  effectiveness 2016 \u2013 <force>"), the question grades as bullets under "HMIC judged that
  <force>:" or as sentences, and the inspector's quotation;
- the **landing page** in every year's title shape ("Wessex 2016", "Wessex PEEL 2018/19",
  the force's name over "PEEL 2016"), with or without the pillar heading;
- the **PEEL 2021/22 and 2023\u201325 report**: "Overall summary", "Our judgments", the
  inspector's observations, then a section per area of policing with its grade line (or a
  judgment sentence), findings and numbered or bulleted areas for improvement;
- a **third-party copy** of a full report, with the sharing site's lines around the text
  ("peel: police effectiveness 2017 - justice inspectorates", "Embed Size (px)", ...).

Each renderer takes an ``rng`` for the wording and shape; what it writes is always what
:meth:`ReportFacts.expected_judgments` (and the other ``expected_*``) say for its kind.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from ..errors import PeelgraphError
from ..vocab import Framework, Vocabulary
from .facts import CoreSection, Paragraph, ReportFacts
from .generate import (
    GRADED,
    MONTHS,
    _about,
    _core_predicate,
    _draw_force,
    _isbn,
    _partner_bodies,
    _predicate,
    _Sections,
    _subject_of,
    _Writer,
    choose_framework,
    landing_sentence,
    subject_wording,
)

#: Invented PEEL 2021/22 and 2023-25 frameworks (the reference data records the areas
#: public pages name, not the frameworks' questions): see the file's header.
SYNTHETIC_FRAMEWORKS_2021 = Path(__file__).parent / "data" / "frameworks-2021.ttl"

_GRADE_LABEL = {
    "outstanding": "Outstanding",
    "good": "Good",
    "adequate": "Adequate",
    "requires-improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"


def _long_date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS[1:])} {year}"


# ---- overview ----------------------------------------------------------------------------


def render_overview(facts: ReportFacts, rng: random.Random) -> str:
    """The pillar's overview page: grade lines for the headline and core questions."""
    lines: list[str] = []
    if rng.random() < 0.6:
        lines.append("Skip to content")
    name = rng.choice((facts.force_short, facts.force_name))
    lines.append(f"{name} PEEL {facts.year_label}")
    updated = f"Last updated {_date(rng, facts.year + 1)}"
    head = [facts.headline_label]
    if rng.random() < 0.5:
        head.insert(0, facts.pillar_label.capitalize())
    grade = _GRADE_LABEL[facts.overall]
    where = rng.choice(("under-question", "under-date", "lost"))
    if rng.random() < 0.3:
        lines.append(updated)  # the date above the question
        lines += head
        if where != "lost":
            lines.append(grade)
    else:
        lines += head
        if where == "under-question":
            lines.append(grade)
        lines.append(updated)
        if where == "under-date":
            lines.append(grade)
    lines += [p.text for p in facts.overview]  # the first states the overall grade
    if rng.random() < 0.7:
        lines.append(f"Questions for {facts.pillar_label.capitalize()}")
    numbered = rng.random() < 0.6
    bullet = rng.choice(("-", "\u2022"))
    for index, section in enumerate(facts.headed(), 1):
        if numbered:
            lines.append(str(index))
        lines.append(facts.labels[section.question])
        if section.grade != "ungraded":
            lines.append(_GRADE_LABEL[section.grade])
        lines += [p.text for p in section.summary]
        if section.afis:
            lines.append("Areas for improvement")
            lines += [f"{bullet} {afi}" for afi in section.afis]
    return "\n".join(lines) + "\n"


# ---- news release --------------------------------------------------------------------------


def _grade_phrase(grade: str, quote: bool) -> str:
    word = _GRADE_LABEL[grade].lower()
    shown = f"\u2018{word}\u2019" if quote else word
    return shown if grade == "requires-improvement" else f"is {shown}"


def render_news(facts: ReportFacts, rng: random.Random) -> str:
    """A force's news release about its report: the pillar's and the questions' grades."""
    name, quote = facts.force_name, rng.random() < 0.5
    pillar, predicate = facts.pillar_label, facts.headline_predicate
    headline = rng.choice(
        (
            f"{name}\u2019s {pillar} at {predicate} {_grade_phrase(facts.overall, quote)}",
            f"{name} {_grade_phrase(facts.overall, quote)} at {predicate}",
        )
    )
    lines = [headline]
    lines.append(rng.choice(("Posted: ", "Published on: ")) + _long_date(rng, facts.year + 1))
    lines.append(
        f"Her Majesty\u2019s Inspectorate of Constabulary has published its {pillar} report on "
        f"{name}."
    )
    lines.append("Get the report")
    inspection = "An inspection of " if rng.random() < 0.4 else ""
    police = rng.choice(("police ", "Police "))
    lines.append(f"PEEL: {police}{pillar} {facts.year_label} \u2013 {inspection}{name}")
    if rng.random() < 0.5:
        lines.append(landing_sentence(facts))  # said again in the inspectorate's words
    graded = [s for s in facts.sections if s.judgment is not None]
    opening = f"The {facts.subject} "
    clauses = [
        s.judgment[len(opening) :].rstrip(".") if s.judgment.startswith(opening) else s.judgment
        for s in graded
        if s.judgment is not None
    ]
    if clauses and rng.random() < 0.6:
        lines.append(f"HMIC judged that {name}:")
        bullet = rng.choice(("-", "\u2022"))
        for n, (section, clause) in enumerate(zip(graded, clauses, strict=True)):
            if quote:
                plain = _grade_phrase(section.grade, False)
                clause = clause.replace(plain, _grade_phrase(section.grade, True), 1)
            end = "." if n == len(clauses) - 1 else ";"
            lines.append(f"{bullet} {clause}{end}")
    else:
        lines += [f"{name} {clause}." for clause in clauses]
    quoted = [p.text for p in facts.overview[1:3]]
    if quoted:
        lines.append(f"{facts.inspector}, HM Inspector of Constabulary, said:")
        lines += [f"\u201c{text}\u201d" for text in quoted]
    return "\n\n".join(lines) + "\n"


# ---- landing page in every title shape -----------------------------------------------------


def render_landing_web(facts: ReportFacts, rng: random.Random) -> str:
    """The force's PEEL page for the year, in one of the years' title shapes."""
    lines: list[str] = []
    if rng.random() < 0.4:
        lines.append("Skip to content")
    year = facts.year_label
    lines += rng.choice(
        (
            [facts.force_name, f"PEEL {year}"],
            [f"{facts.force_short} {year}"],
            [f"{facts.force_short} PEEL {year}"],
            [f"{facts.force_name} {year}"],
        )
    )
    if rng.random() < 0.6:
        lines.append(facts.pillar_label.capitalize())
    lines.append(landing_sentence(facts))
    lines.append(
        rng.choice(
            (
                f"{facts.inspector}, HM Inspector of Constabulary",
                f"HM Inspector of Constabulary {facts.inspector}",
            )
        )
    )
    lines.append(rng.choice(("HMI\u2019s observations", "HMI's observations")))
    lines += [p.text for p in facts.overview]
    return "\n".join(lines) + "\n"


# ---- third-party copy ----------------------------------------------------------------------


def with_site_lines(text: str, facts: ReportFacts, rng: random.Random) -> str:
    """A full report as a document-sharing site copies it: the site's lines around it."""
    title = f"PEEL: Police {facts.pillar_label} {facts.year_label}"
    top = [
        line
        for line, share in (
            (f"{title.lower()} - justice inspectorates", 0.6),
            ("Embed Size (px)", 0.5),
            (rng.choice(("TRANSCRIPT", "Citation preview")), 0.7),
            (f"Page 2: {title} \u00b7 PDF file{facts.force_name}", 0.3),
        )
        if rng.random() < share
    ]
    bottom = [
        line
        for line, share in (("Download PDF", 0.5), ("Report this document", 0.5))
        if rng.random() < share
    ]
    if not top and not bottom:
        top = ["Citation preview"]
    head = "\n\n".join(top) + "\n\n" if top else ""
    tail = "\n\n" + "\n\n".join(bottom) + "\n" if bottom else ""
    return head + text.lstrip("\n") + tail


# ---- PEEL 2021/22 and 2023-25 --------------------------------------------------------------


def frameworks_2021(vocab: Vocabulary) -> list[Framework]:
    """2021+ frameworks a report can be written for: at least one graded area whose
    wording a judgment sentence can be built from."""
    return [
        f
        for _, f in sorted(vocab.frameworks.items())
        if f.pillar == "peel" and f.year >= 2021 and any(_core_predicate(q) for q in f.core())
    ]


def _graded_areas(fw: Framework, body: _Sections) -> tuple[list[CoreSection], list[str]]:
    """The areas of a 2021+ report (summary and AFIs only, no diagnostic prose), at least one
    of them graded: a report with no graded area is one the reader rightly refuses
    ("no-grade"), so the first graded area the draw left out is put back."""
    sections, missing = body.draw()
    if not any(s.grade != "ungraded" for s in sections):
        core = next(q for q in fw.core() if q.graded and q.code in missing)
        sections.append(body._section(core, core.number or 1))
        missing.remove(core.code)
        order = [q.code for q in fw.core()]
        sections.sort(key=lambda s: order.index(s.question))
    sections = [
        s if not s.intro and not s.diagnostics else type(s)(s.question, s.grade, s.judgment,
                                                            summary=s.summary, afis=s.afis)
        for s in sections
    ]  # fmt: skip
    return sections, missing


#: A PEEL 2021+ report grades each area and nothing overall: it has no headline question,
#: overall grade or judgment sentence, nor the adjective a landing page words that with.
_NO_OVERALL_GRADE: dict[str, Any] = dict.fromkeys(
    ("headline", "headline_label", "headline_predicate", "pillar_adjective", "overall",
     "overall_sentence"),
    "",
)  # fmt: skip


def random_facts_2021(
    vocab: Vocabulary,
    rng: random.Random,
    *,
    framework: str | None = None,
    force: str | None = None,
    max_afis: int = 4,
    detail: int = 1,
) -> ReportFacts:
    """The facts of a PEEL 2021/22 or 2023-25 report: a grade per area, no overall grade.

    The reference data records too little of these cycles: give a vocabulary with
    :data:`SYNTHETIC_FRAMEWORKS_2021` (or real frameworks with graded areas)."""
    frameworks = frameworks_2021(vocab)
    if not frameworks:
        raise PeelgraphError(
            "no PEEL 2021+ framework with graded areas of policing to write a report from",
            hint=f"read the reference data with --reference {SYNTHETIC_FRAMEWORKS_2021.name}",
        )
    fw = choose_framework(rng, frameworks, framework)
    who = _draw_force(vocab, rng, force, False)
    subject = _subject_of(who)
    writer = _Writer(rng, subject, who.name, who.short, _partner_bodies(vocab))
    allowed = [g for g in GRADED if g in fw.allowed_grades]
    body = _Sections(rng, writer, fw, allowed, "", 0, max_afis, detail, subject)
    sections, missing = _graded_areas(fw, body)
    overview = [writer.paragraph(rng.randint(1, 5)) for _ in range(rng.randint(1, 2 + detail))]
    end = "22" if fw.year == 2021 else f"{(fw.year + 2) % 100:02d}"
    year_label = f"{fw.year}/{end}" if fw.year == 2021 else f"{fw.year}\u2013{end}"
    labels = {q.code: subject_wording(q.label, subject) for q in fw.questions}
    published = rng.choice(MONTHS[1:])
    return ReportFacts(
        **_about(who, subject, fw),
        year_label=year_label,
        pillar_label="peel",
        published=f"{fw.year + 1}-{MONTHS.index(published) + 1:02d}",
        isbn=_isbn(rng),
        **_NO_OVERALL_GRADE,
        overview=tuple(overview),
        sections=tuple(sections),
        missing_sections=tuple(missing),
        overview_grades=False,
        labels=labels,
    )


def _area_heading(facts: ReportFacts, code: str, rng: random.Random) -> str:
    """'Investigating crime' (the area, as the report heads it) or the question itself."""
    # the question in the framework's own words: a 2021+ report heads its areas by name,
    # and the reader is documented to match a heading to the question's labels, which say
    # "the force" whatever the force calls itself
    label = facts.labels[code].replace(f"the {facts.subject}", "the force")
    asked = _predicate(label)
    if asked and asked[0].isalpha() and rng.random() < 0.8:
        return asked[0].upper() + asked[1:]
    return label


def render_report_2021(facts: ReportFacts, rng: random.Random) -> str:
    """The PEEL 2021/22 or 2023-25 report as HTML text: area sections with their grades."""
    graded = [s for s in facts.sections if s.grade != "ungraded"]
    n = len(facts.sections)
    cycle = (
        f"PEEL {facts.year_label}"
        if rng.random() < 0.7 or facts.year == 2021
        else f"PEEL Assessment Framework {facts.year}\u2013{facts.year + 2}"
    )
    lines: list[str] = []
    title_first = rng.random() < 0.5
    if title_first:
        lines.append(f"{cycle} \u2013 An inspection of {facts.force_name}")
    lines += ["Overall summary", rng.choice(("Our judgments", "Our judgment"))]
    count = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    lines.append(
        f"Our inspection assessed how good {facts.force_name} is in {count} areas of policing. "
        f"We make graded judgments in {_NUMBERS[len(graded)] if len(graded) < 11 else len(graded)}"
        f" of these {count} as follows:"
    )
    if not title_first:
        lines.append(
            f"We now assess forces against the characteristics of good performance, set out in "
            f"the {cycle.replace('PEEL ', 'PEEL Assessment Framework ', 1)}."
            if cycle.startswith("PEEL 2")
            else f"We assess forces against the {cycle}."
        )
    lines.append("HM Inspector\u2019s observations")
    lines += [p.text for p in facts.overview]
    numbered = rng.random() < 0.5
    bullet = rng.choice(("-", "\u2022"))
    for section in facts.sections:
        lines.append(_area_heading(facts, section.question, rng))
        if section.grade != "ungraded" and (section.judgment is None or rng.random() < 0.7):
            lines.append(_GRADE_LABEL[section.grade])
        lines += [p.text for p in section.summary]
        if section.afis:
            one = len(section.afis) == 1
            lines.append("Area for improvement" if one and rng.random() < 0.5 else
                         "Areas for improvement")  # fmt: skip
            for k, afi in enumerate(section.afis, 1):
                lines.append(f"{k}. {afi}" if numbered else f"{bullet} {afi}")
    return "\n".join(lines) + "\n"


__all__ = [
    "SYNTHETIC_FRAMEWORKS_2021",
    "Paragraph",
    "frameworks_2021",
    "random_facts_2021",
    "render_landing_web",
    "render_news",
    "render_overview",
    "render_report_2021",
    "with_site_lines",
]
