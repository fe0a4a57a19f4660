"""Random but plausible facts for a synthetic PEEL report, from the reference vocabulary.

Everything that the extractor recognises (question wording, grade words, pillar wording,
forces, partner bodies, units) comes from the reference data, as it does for the extractor;
the prose around it comes from the small phrase bank below. A seeded :class:`random.Random`
makes a report reproducible.
"""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..textkeys import slugify
from ..vocab import Framework, PartnerDef, QuestionDef, Vocabulary
from .facts import CoreSection, Figure, Paragraph, Part, QuestionBody, ReportFacts, Row, Subheading

#: Fictional force areas (none is a force of England and Wales).
FICTIONAL_AREAS = (
    "Wessex", "Mercia", "Elmet", "Rheged", "Deira", "Lyonesse", "Hwicce", "Lindsey",
    "Wealdshire", "Fenmarch", "Severnvale", "Pennine Marches", "Cheviot", "Solent Vale",
    "Avalon", "Holderness", "Kesteven", "Arden", "Dunmere", "Eastmoor",
)  # fmt: skip

#: Graded outcomes, best first ("adequate" only on the five-tier scale of 2021 on: a
#: framework's allowed grades choose among them).
GRADED = ("outstanding", "good", "adequate", "requires-improvement", "inadequate")

MONTHS = (
    "January February March April May June July August September October November December"
).split()

#: What a judgment sentence says before the predicate, per grade.
_GRADE_PHRASE = {
    "outstanding": "is outstanding",
    "good": "is good",
    "adequate": "is adequate",
    "requires-improvement": "requires improvement",
    "inadequate": "is inadequate",
}

#: Topic words per core question number (1 prevention ... 5 specialist capabilities).
TOPICS = {
    1: (
        "neighbourhood policing", "problem-solving", "community engagement",
        "its understanding of local priorities", "crime prevention", "anti-social behaviour",
    ),
    2: (
        "the initial investigative response", "the quality of investigations",
        "the supervision of investigations", "the retrieval of digital evidence",
        "the management of repeat offenders", "the service it gives to victims",
    ),
    3: (
        "the identification of vulnerable people", "risk assessments",
        "safeguarding referrals", "its response to missing children",
        "its response to domestic abuse", "the protection of people with mental health needs",
    ),
    4: (
        "the mapping of organised crime groups", "disruption activity",
        "its serious and organised crime local profiles", "the work of lead responsible officers",
        "preventing young people from being drawn into organised crime",
    ),
    5: (
        "its armed response", "its arrangements under the Strategic Policing Requirement",
        "the training of firearms commanders", "its plans for national threats",
        "collaboration on specialist capabilities",
    ),
}  # fmt: skip

_SENTENCES = (
    "{S} has {quality} arrangements for {topic}.",
    "We found that {topic} is not always understood by officers and staff.",
    "{S} works closely with {partner} to improve {topic}, and this work is beginning to "
    "have a positive effect.",
    "Officers and staff we spoke to understood the importance of {topic}; however, some "
    "supervisors were not aware of {s}\u2019s policy.",
    "HMIC found that {topic} is reviewed regularly at {s}\u2019s daily management meeting.",
    "In one area, a pilot scheme known as \u2018Operation {operation}\u2019 brings together "
    "{partner} and neighbourhood officers.",
    "This is an area in which {s} should continue to make progress.",
    "{S} has a {depth} understanding of {topic}, which it has developed in conjunction with "
    "{partner}.",
    "Some staff expressed concern about their workloads, and {s} is reviewing its "
    "arrangements to increase capacity in this area.",
    "Since our last inspection, {s} has introduced a new approach to {topic}.",
    "The workforce has received training in {topic}, although the quality of this training "
    "varies between local policing areas.",
    "Information about {topic} is held on several different computer systems, which makes it "
    "difficult for {s} to gain a complete picture.",
    "We were reassured to find that {partner} and {s} share information effectively.",
    "In {short}, the response to {topic} is consistent and well co-ordinated.",
    "{S} should make sure that the learning from this work is shared across the whole "
    "organisation.",
    "Senior leaders have a clear commitment to improving {topic}, and they monitor "
    "progress closely.",
)  # fmt: skip

_QUALITY = ("effective", "well-established", "inconsistent", "limited", "good")
_DEPTH = ("good", "limited", "developing", "thorough")
_OPERATIONS = ("Bluebell", "Kestrel", "Harbour", "Lantern", "Meridian", "Sentinel", "Willow")

_SUBHEADINGS = (
    "Working with partners", "Understanding the risk", "Supporting victims",
    "Does the {subject} have a problem-solving approach?", "Neighbourhood policing",
    "How does the {subject} engage with the public?", "Managing offenders",
    "Use of new technology",
)  # fmt: skip

_AFI_TEMPLATES = (
    "The {subject} should ensure that {topic} is consistent across all areas.",
    "The {subject} should work with {partner} to improve {topic}.",
    "The {subject} should review its capacity for {topic} so that the service to the public "
    "is not delayed.",
    "The {subject} should improve {topic}, and evaluate how effectively it protects the "
    "public from harm.",
    "The {subject} should make sure that staff have the training they need for {topic}.",
)

_FOOTNOTES = (
    "This definition is taken from the College of Policing\u2019s authorised professional "
    "practice.",
    "A local policing area is a geographical area of the force, led by a superintendent.",
    "HMIC judgments are outstanding, good, requires improvement and inadequate.",
    "Information provided by the force at the time of the inspection.",
)


@dataclass(frozen=True)
class FigureTemplate:
    title: str
    header: str
    unit: str
    labels: tuple[str, ...]
    source: str


FIGURE_TEMPLATES = (
    FigureTemplate(
        "Police-recorded crime rates (per 1,000 population)",
        "Rates per 1,000 population",
        "per-1000-population",
        (
            "Recorded crime (excluding fraud)",
            "Victim-based crime",
            "Sexual offences",
            "Assault with injury",
            "Violence against the person",
            "Criminal damage and arson",
            "Robbery",
            "Theft offences",
            "Vehicle offences",
            "Drug offences",
            "Public order offences",
            "Possession of weapons offences",
        ),  # fmt: skip
        "Home Office data",
    ),
    FigureTemplate(
        "Proportion of outcomes assigned to offences recorded",
        "Outcome type / group",
        "percent",
        (
            "Charged/Summonsed",
            "Taken into consideration",
            "Cautions - youths",
            "Cautions - adults",
            "Penalty Notices for Disorder",
            "Cannabis/Khat warning",
            "Community Resolution",
            "Suspect not identified",
            "Investigation complete \u2013 no suspect identified",
            "Action undertaken by another body / agency",
        ),  # fmt: skip
        "Home Office crime outcomes data",
    ),
)

#: A starred row of the crime-rate figure, with its note and the unit the note implies.
STARRED_ROW = (
    "Burglary in a dwelling",
    "The rate of burglary in a dwelling is the rate for 1,000 households, rather than population",
    "per-1000-households",
)


def subject_wording(text: str, subject: str) -> str:
    """Question wording as a report about a constabulary words it."""
    if subject == "force":
        return text
    text = re.sub(r"\bthe force's\b", f"the {subject}\u2019s", text)
    text = re.sub(r"\bthe force\b", f"the {subject}", text)
    return text.replace("'", "\u2019")


def reportable_frameworks(vocab: Vocabulary) -> list[Framework]:
    """Frameworks a full report can be written for: a headline question and core questions,
    at least one of them a question a page can head (not only a phrasing)."""
    return [
        f
        for _, f in sorted(vocab.frameworks.items())
        if f.has_headline
        and f.headline.label.endswith("?")
        and any(not is_phrasing(q) for q in f.core())
        and _headline_predicate(f)
    ]


#: The stem of a PEEL question, as the inspectorate words them; what follows it is what a
#: judgment sentence says the force is good "at" (the writer's rule, not the reader's).
_STEM = re.compile(
    r"^How (?:effective|efficient|effectively|efficiently|well|good|legitimate) "
    r"(?:is|are|does|do) the force(?:'s)? (?:at |in )?",
    re.IGNORECASE,
)


def _predicate(label: str) -> str | None:
    """'How effective is the force at protecting vulnerable people?' -> 'protecting
    vulnerable people'; None for a wording a judgment sentence cannot be built from."""
    stem = _STEM.match(label.strip())
    if not stem or not label.rstrip().endswith("?"):
        return None
    rest = label.strip()[stem.end() :].rstrip("?").strip()
    return rest[:1].lower() + rest[1:] if rest else None


def _headline_predicate(framework: Framework) -> str | None:
    return _predicate(framework.headline.label)


def _core_predicate(question: QuestionDef) -> str | None:
    return _predicate(question.label) if question.graded else None


def is_phrasing(question: QuestionDef) -> bool:
    """A question known only by a phrasing ("Planning for the future", the 2017 efficiency
    press releases' words for a question no page at hand words): its label asks nothing, and
    a page heads its sections with the questions themselves (the writer's rule)."""
    return not question.label.rstrip().endswith("?")


def _phrasing_predicate(question: QuestionDef) -> str:
    """'Planning for the future' -> 'planning for the future': what a release says the force
    is good "at" ("is 'good' at planning for the future")."""
    label = question.label.strip()
    return label[:1].lower() + label[1:]


def _with_a_headed_section(fw: Framework, body: _Sections) -> tuple[list[CoreSection], list[str]]:
    """The sections drawn, at least one of them a question a page can head: a full report
    whose only section is a phrasing's has no "Summary of findings" to be read as one, so the
    first headed question the draw left out is put back (as for the 2021+ graded areas)."""
    sections, missing = body.draw()
    kept = {s.question for s in sections}
    headed = [q for q in fw.core() if not is_phrasing(q)]
    if not headed or any(q.code in kept for q in headed):
        return sections, missing
    core = next(q for q in headed if q.code in missing)
    sections.append(body._section(core, core.number or 1))
    missing.remove(core.code)
    order = [q.code for q in fw.core()]
    sections.sort(key=lambda s: order.index(s.question))
    return sections, missing


def _state_unheaded(
    fw: Framework,
    sections: list[CoreSection],
    overview: list[Paragraph],
    overall_sentence: str,
    writer: _Writer,
) -> tuple[list[CoreSection], list[Paragraph]]:
    """The sections of questions known only by a phrasing marked as headed by no page
    (:attr:`CoreSection.headed`), and their grades stated as the 2017 efficiency pages state
    them: a judgment sentence after the overall one in the overview's first paragraph ("The
    constabulary is judged to be good in its understanding of demand; ... and its planning
    for future demand is also judged to be good"), which is also the release's judgment
    ("is 'good' at planning for the future"). Draws nothing: seeds give the same reports."""
    questions = {q.code: q for q in fw.core()}
    out: list[CoreSection] = []
    said: list[str] = []
    for section in sections:
        question = questions[section.question]
        if not is_phrasing(question):
            out.append(section)
            continue
        judgment = None
        if question.graded:
            predicate = _phrasing_predicate(question)
            judgment = judgment_sentence(writer.subject_cap(), section.grade, predicate)
            said.append(judgment)
        out.append(dataclasses.replace(section, judgment=judgment, headed=False))
    if not said:
        return out, overview
    first, at = overview[0], len(overall_sentence)
    assert first.text.startswith(overall_sentence) and first.footnote is None
    text = f"{first.text[:at]} {' '.join(said)}{first.text[at:]}"
    return out, [dataclasses.replace(first, text=text), *overview[1:]]


def judgment_sentence(subject: str, grade: str, predicate: str) -> str:
    """'Wessex Constabulary requires improvement at keeping people safe and reducing crime.'"""
    return f"{subject} {_GRADE_PHRASE[grade]} at {predicate}."


class _Writer:
    """Writes prose about one force from the phrase bank."""

    def __init__(self, rng: random.Random, facts_subject: str, name: str, short: str,
                 partners: tuple[PartnerDef, ...]):  # fmt: skip
        self.rng = rng
        self.subject = facts_subject
        self.name = name
        self.short = short
        self.partners = partners

    def subject_cap(self) -> str:
        return f"The {self.subject}"

    def partner(self) -> tuple[str, str]:
        p = self.rng.choice(self.partners)
        label = self.rng.choice((p.label, *p.alt_labels)) if p.alt_labels else p.label
        if label[:1].islower():
            label = f"the {label}"
        return label, p.id

    def sentence(self, core: int, *, allow_name: bool = True) -> tuple[str, tuple[str, ...]]:
        template = self.rng.choice(_SENTENCES)
        partner, pid = self.partner()
        subjects = [f"The {self.subject}", "It"] + ([self.name] if allow_name else [])
        text = template.format(
            S=self.rng.choice(subjects),
            s=f"the {self.subject}",
            topic=self.rng.choice(TOPICS.get(core, TOPICS[1])),
            partner=partner,
            quality=self.rng.choice(_QUALITY),
            depth=self.rng.choice(_DEPTH),
            operation=self.rng.choice(_OPERATIONS),
            short=self.short,
        )
        text = text[0].upper() + text[1:]
        return text, ((pid,) if "{partner}" in template else ())

    def paragraph(self, core: int, *, footnote: bool = False, lead: str | None = None) -> Paragraph:
        sentences: list[str] = [lead] if lead else []
        partners: list[str] = []
        for _ in range(self.rng.randint(1, 5) if not lead else self.rng.randint(0, 3)):
            text, pids = self.sentence(core)
            sentences.append(text)
            partners.extend(pids)
        if not sentences:
            text, pids = self.sentence(core)
            sentences.append(text)
            partners.extend(pids)
        text = " ".join(sentences)
        note, at = None, None
        if footnote:
            words = [m.end() for m in re.finditer(r"[a-z]{4,}(?=[\s,;])", text)]
            if words:
                at = self.rng.choice(words)
                note = self.rng.choice(_FOOTNOTES)
        return Paragraph(text, note, at, tuple(dict.fromkeys(partners)))

    def afi(self, core: int) -> str:
        partner, _ = self.partner()
        template = self.rng.choice(_AFI_TEMPLATES)
        return template.format(
            subject=self.subject,
            topic=self.rng.choice(TOPICS.get(core, TOPICS[1])),
            partner=partner,
        )


def _isbn(rng: random.Random) -> str:
    digits = [9, 7, 8, 1, 7, 8, 6, 5, 5] + [rng.randint(0, 9) for _ in range(3)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    d = "".join(str(x) for x in digits)
    return f"{d[:3]}-{d[3]}-{d[4:9]}-{d[9:12]}-{check}"


def _value(rng: random.Random, unit: str) -> Decimal:
    top = 1000 if unit == "percent" else 1500
    return Decimal(rng.randint(1, top)) / 10


def _figure(
    rng: random.Random, number: int, period: str, max_rows: int, template: FigureTemplate
) -> Figure:
    count = rng.randint(1, min(max_rows, len(template.labels)))
    labels = rng.sample(template.labels, count)
    rows = []
    for label in labels:
        force = None if rng.random() < 0.1 else _value(rng, template.unit)
        comparator = None if rng.random() < 0.05 else _value(rng, template.unit)
        rows.append(Row(label, force, comparator))
    note = None
    if template.unit == "per-1000-population" and rng.random() < 0.4:
        label, note, unit = STARRED_ROW
        rows.insert(
            rng.randint(0, len(rows)), Row(label, _value(rng, unit), _value(rng, unit), unit)
        )
    return Figure(
        number, template.title, template.header, template.unit, period, tuple(rows),
        template.source, note,
    )  # fmt: skip


def random_facts(
    vocab: Vocabulary,
    rng: random.Random,
    *,
    framework: str | None = None,
    fictional: bool | None = None,
    max_afis: int = 5,
    max_rows: int = 10,
    force: str | None = None,
    detail: int = 1,
) -> ReportFacts:
    """The facts of one plausible report: force, year, grades, findings, AFIs, figures.

    ``force`` (a reference force slug) fixes the force; otherwise a reference force is drawn.
    ``fictional=True`` invents one instead: the extractor refuses its documents unless the force
    is added to the reference data (a document never mints a force). ``detail`` multiplies the
    most paragraphs a part of the report can have (1 gives short reports; the real seed report
    is about as long as detail 4).
    """
    fw, who, subject = _draw_subject(vocab, rng, framework, force, fictional)
    writer = _Writer(rng, subject, who.name, who.short, _partner_bodies(vocab))
    pillar = next(p for p in vocab.pillars if p.slug == fw.pillar)
    period = f"12 months to {rng.choice(('31 March', '30 June'))} {fw.year}"
    allowed = [g for g in GRADED if g in fw.allowed_grades]
    overall, headline_pred, overall_sentence, overview = _draw_overview(
        rng, writer, fw, allowed, who.name, subject, detail
    )
    body = _Sections(rng, writer, fw, allowed, period, max_rows, max_afis, detail, subject)
    sections, missing = _with_a_headed_section(fw, body)
    sections, overview = _state_unheaded(fw, sections, overview, overall_sentence, writer)
    labels = {q.code: subject_wording(q.label, subject) for q in fw.questions}
    return ReportFacts(
        **_about(who, subject, fw),
        year_label=str(fw.year) if fw.year < 2018 else f"{fw.year}/{(fw.year + 1) % 100:02d}",
        pillar_label=pillar.label.lower(),
        published=f"{fw.year + 1}-{MONTHS.index(rng.choice(MONTHS[1:5])) + 1:02d}",
        isbn=_isbn(rng),
        headline=fw.headline.code,
        headline_label=labels[fw.headline.code],
        headline_predicate=headline_pred,
        pillar_adjective=pillar_adjective(pillar.alt_labels, pillar.label),
        overall=overall,
        overall_sentence=overall_sentence,
        overview=tuple(overview),
        sections=tuple(sections),
        missing_sections=tuple(missing),
        overview_grades=rng.random() < 0.7,
        labels=labels,
    )


def _draw_subject(
    vocab: Vocabulary,
    rng: random.Random,
    framework: str | None,
    force: str | None,
    fictional: bool | None,
) -> tuple[Framework, _Who, str]:
    """The framework (``framework``'s, else drawn), the force, and how the text names it."""
    fw = choose_framework(rng, reportable_frameworks(vocab), framework)
    who = _draw_force(vocab, rng, force, fictional)
    subject = _subject_of(who)
    if rng.random() < 0.15:
        subject = "force" if subject == "constabulary" else "constabulary"
    return fw, who, subject


def choose_framework(rng: random.Random, frameworks: list[Framework], key: str | None) -> Framework:
    """The framework with this key if one is asked for and known, else one drawn."""
    chosen = next((f for f in frameworks if f.key == key), None) if key else None
    return chosen or rng.choice(frameworks)


def _subject_of(who: _Who) -> str:
    """How a report names its force by default: 'the constabulary' or 'the force'."""
    return "constabulary" if who.name.endswith("Constabulary") else "force"


def _about(who: _Who, subject: str, fw: Framework) -> dict[str, Any]:
    """The facts that say what a report is about: its force, how the text names it, and
    the framework (year and pillar) it inspects against."""
    return {
        "force_name": who.name,
        "force_short": who.short,
        "force_slug": who.slug,
        "force_known": who.known,
        "subject": subject,
        "year": fw.year,
        "pillar": fw.pillar,
        "framework": fw.key,
    }


def _partner_bodies(vocab: Vocabulary) -> tuple[PartnerDef, ...]:
    """The partner bodies a report can name: every reference partner that is not a force."""
    return tuple(p for p in vocab.partners if not p.is_force)


def _draw_overview(
    rng: random.Random,
    writer: _Writer,
    fw: Framework,
    allowed: list[str],
    force_name: str,
    subject: str,
    detail: int,
) -> tuple[str, str, str, list[Paragraph]]:
    """The overall grade, the headline predicate, the sentence giving the grade and the
    overview paragraphs (the first leading with that sentence)."""
    overall = rng.choice(allowed)
    headline_pred = _headline_predicate(fw)
    assert headline_pred is not None
    overall_sentence = judgment_sentence(force_name, overall, headline_pred)
    overview = [writer.paragraph(0, lead=overall_sentence + " " + _since_last_year(rng, subject))]
    overview += [writer.paragraph(rng.randint(1, 5)) for _ in range(rng.randint(0, 3 * detail))]
    return overall, headline_pred, overall_sentence, overview


@dataclass(frozen=True)
class _Who:
    """The force a report is about: its name, the short name the text uses, its slug."""

    name: str
    short: str
    slug: str
    known: bool  # a force of the reference data, not a fictional one


def _draw_force(
    vocab: Vocabulary, rng: random.Random, force: str | None, fictional: bool | None
) -> _Who:
    if force is not None:
        fictional = False
    elif fictional is None:
        # the draw that once chose a fictional force, kept so that seeds stay stable: the
        # extractor takes forces only from the reference data, so fictional forces are asked
        # for explicitly (with a reference file that declares them)
        rng.random()
        fictional = False
    if fictional:
        short = rng.choice(FICTIONAL_AREAS)
        name = f"{short} {rng.choice(('Constabulary', 'Constabulary', 'Police'))}"
        return _Who(name, short, slugify(short), known=False)
    chosen = next(f for f in vocab.forces if f.slug == force) if force else rng.choice(vocab.forces)
    shorts = [
        a
        for a in chosen.alt_labels
        if not re.search(r"\b(?:police|constabulary|service)\b|^the\b", a, re.I)
    ]
    return _Who(chosen.name, shorts[0] if shorts else chosen.name, chosen.slug, known=True)


class _Sections:
    """Draws the core sections of one report: grades, judgments, diagnostic prose with
    figures, summaries and areas for improvement."""

    def __init__(self, rng: random.Random, writer: _Writer, fw: Framework, allowed: list[str],
                 period: str, max_rows: int, max_afis: int, detail: int, subject: str):  # fmt: skip
        self.rng, self.writer, self.fw, self.allowed = rng, writer, fw, allowed
        self.period, self.max_rows, self.max_afis = period, max_rows, max_afis
        self.detail, self.subject = detail, subject
        self.figure_number = 1
        # a table is printed once: two figures never give one indicator twice
        self.templates = list(FIGURE_TEMPLATES)

    def draw(self) -> tuple[list[CoreSection], list[str]]:
        """The sections written, and the codes of core questions left out of this report."""
        sections: list[CoreSection] = []
        missing: list[str] = []
        cores = self.fw.core()
        for index, core in enumerate(cores):
            if len(cores) > 1 and self.rng.random() < 0.08 and len(missing) < len(cores) - 1:
                missing.append(core.code)
                continue
            sections.append(self._section(core, core.number or index + 1))
        return sections, missing

    def _section(self, core: QuestionDef, number: int) -> CoreSection:
        rng, writer, detail = self.rng, self.writer, self.detail
        grade = rng.choice(self.allowed) if core.graded else "ungraded"
        predicate = _core_predicate(core)
        judgment = judgment_sentence(writer.subject_cap(), grade, predicate) if predicate else None
        intro: list[Part] = [writer.paragraph(number) for _ in range(rng.randint(0, 2 * detail))]
        diagnostics = []
        for diag in self.fw.children(core.code):
            if diag.level != "diagnostic" or rng.random() < 0.15:
                continue
            diagnostics.append(QuestionBody(diag.code, tuple(self._diagnostic_parts(number))))
        summary = [writer.paragraph(number, lead=judgment)]
        summary += [writer.paragraph(number) for _ in range(rng.randint(0, 3 * detail))]
        afis = (
            tuple(writer.afi(number) for _ in range(rng.randint(0, self.max_afis)))
            if core.graded or rng.random() < 0.2
            else ()
        )
        return CoreSection(core.code, grade, judgment, tuple(intro), tuple(diagnostics),
                           tuple(summary), tuple(dict.fromkeys(afis)))  # fmt: skip

    def _diagnostic_parts(self, number: int) -> list[Part]:
        """Paragraphs under a diagnostic question, with the odd subheading and figure."""
        rng = self.rng
        parts: list[Part] = []
        for _ in range(rng.randint(1, 4 * self.detail)):
            roll = rng.random()
            if roll < 0.15:
                heading = rng.choice(_SUBHEADINGS).format(subject=self.subject)
                if not parts or not isinstance(parts[-1], Subheading):
                    parts.append(Subheading(heading))
            elif roll < 0.27 and parts and isinstance(parts[-1], Paragraph) and self.templates:
                template = self.templates.pop(rng.randrange(len(self.templates)))
                parts.append(_figure(rng, self.figure_number, self.period, self.max_rows, template))
                self.figure_number += 1
            parts.append(self.writer.paragraph(number, footnote=rng.random() < 0.2))
        return parts


def _since_last_year(rng: random.Random, subject: str) -> str:
    return rng.choice(
        (
            f"The {subject} has made limited progress since last year.",
            "Our overall judgment is the same as last year.",
            f"It should be commended for the actions the {subject} has taken since our "
            "last inspection.",
        )
    )


def pillar_adjective(vocab_pillar_labels: tuple[str, ...], label: str) -> str:
    """'effective' for effectiveness: the pillar's one-word label that is not its name."""
    for alt in vocab_pillar_labels:
        if " " not in alt and alt.islower() and alt != label.lower():
            return alt
    return label.lower()


def landing_sentence(facts: ReportFacts) -> str:
    """'The extent to which the force is effective at keeping people safe ... is good.'"""
    return pillar_sentence(
        facts.subject, facts.pillar_adjective, facts.headline_predicate, facts.overall
    )


def pillar_sentence(subject: str, adjective: str, predicate: str, grade: str) -> str:
    return (
        f"The extent to which the {subject} is {adjective} at {predicate} {_GRADE_PHRASE[grade]}."
    )
