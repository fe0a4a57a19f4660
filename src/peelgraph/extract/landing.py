"""The force's PEEL landing page: pillar grades stated in judgment sentences.

A landing page (2016 style) names the force and the PEEL year, then for each pillar a
judgment sentence ("The extent to which the force is effective at keeping people safe and
reducing crime is good."), the inspector's name and "HMI's observations". A page saved
from the web may be cut short: what is there is read, and what is missing is reported as a
warning. Each pillar whose year has a question framework gives one report, with the pillar's
overall judgment and the observations as findings of its headline question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FormatError
from ..model import Document, Finding, Judgment, Report, SourceFile, Span
from ..vocab import Framework, PillarDef, Vocabulary
from .forces import ForceNames, force_or_refuse, subjects_of
from .grades import GradeReader
from .layout import Block, clean, fold, line_blocks
from .overview import pillar_of_line, read_sections
from .pagetitle import PageTitle, page_title
from .questions import headline_predicates

LANDING_PAGE = "landing-page"
_HMI = "HMI\u2019s observations"
_PEEL_YEAR = re.compile(r"\bPEEL\b:?[A-Za-z ,]*?\s(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b")
_ASSESSMENT_OF = re.compile(r"\bassessment of (?P<rest>.{3,80})", re.IGNORECASE)
_EXTENT = re.compile(r"\bthe extent to which\b", re.I)
#: "... reducing crime: not yet graded." / "is not yet graded": an interim landing page.
_NOT_YET = re.compile(r"\bnot yet graded\b", re.I)
_QUESTION_OR_UPDATED = re.compile(r"^how \w+\b.*\?$|^last updated\b", re.I)
_INSPECTOR = re.compile(r"\bH\.?M\.?\s*Inspector\b|\bInspector of Constabulary\b", re.I)
_OBSERVATIONS = re.compile(r"^(?:hmi|inspector)'?s?\s+(?:observations|summary)$")
#: The 2018/19 integrated assessment's landing page: "Gwent 2018/19", "Gwent Police was
#: inspected in tranche three and we found:".
_INTEGRATED_CYCLE = re.compile(r"\b(?:19|20)\d\d/\d\d\b")
_TRANCHE = re.compile(r"\binspected in tranche\b", re.IGNORECASE)
_ENDS_SENTENCE = (".", "!", "?", ":", "\u201d", '"', ")")


@dataclass
class _Pillar:
    pillar: PillarDef
    grade: str | None = None
    sentence: Span | None = None
    observations: list[Block] = field(default_factory=list)
    observations_heading: bool = False


@dataclass
class _Walk:
    """What the walk over the page found before the pillar's overview (if one follows)."""

    pillars: dict[str, _Pillar] = field(default_factory=dict)
    current: _Pillar | None = None
    headings: bool = False  # the page has pillar headings
    shared: bool = False  # the observations are the page's, not one pillar's
    page_observations: list[Block] = field(default_factory=list)
    tail: list[Block] = field(default_factory=list)  # from the overview's first line on
    # 2014: the judgments as clauses naming a pillar whose framework has no headline
    clauses: dict[str, list[Block]] = field(default_factory=dict)


def read_landing(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> list[Report]:
    """One report per pillar whose grade the page states and whose framework is known."""
    return _Landing(text, vocab, path, sha256, force).reports()


class _Landing:
    """One landing page being read: its year and force first, then a walk over its lines,
    then a report per pillar. The warnings are the page's, given to every report."""

    def __init__(
        self, text: str, vocab: Vocabulary, path: str, sha256: str, force: str | None
    ) -> None:
        self.text, self.vocab, self.path, self.sha256 = text, vocab, path, sha256
        self.blocks = line_blocks(text)
        head = [b.text for b in self.blocks[:12]]
        title = page_title(head)
        self.year = _year(head, title, path)
        self.printed, line = _force_name(head, title, vocab)
        self.force = force_or_refuse(self.printed, line, vocab, path, override=force)
        # the integrated assessment inspected some questions and carried the others' grades
        # over, which its landing page does not say: the HMI's observations grade none
        self.integrated = bool(
            (title is not None and _INTEGRATED_CYCLE.search(title.line))
            or any(_TRANCHE.search(line) for line in head)
        )
        self.subjects = subjects_of(self.force, self.printed)
        self.reader = GradeReader(vocab.grades)
        self.warnings: list[str] = []

    def reports(self) -> list[Report]:
        walk = self._walk()
        if self.blocks and not self.blocks[-1].text.rstrip().endswith(_ENDS_SENTENCE):
            self.warnings.append(
                "the page ends mid-sentence: it was cut short, and what follows is missing"
            )
        reports: list[Report] = []
        for state in walk.pillars.values():
            framework = self._framework(state)
            if framework is not None:
                reports.append(self._report(state, framework, walk, first=not reports))
        for slug, blocks in walk.clauses.items():
            if slug not in walk.pillars and (report := self._clause_report(slug, blocks)):
                reports.append(report)
        if not reports:
            raise FormatError(
                "the landing page states no grade that can be recorded"
                + (f" ({'; '.join(self.warnings)})" if self.warnings else ""),
                where=self.path,
                reason="no-grade",
            )
        # the page-wide warnings go with every pillar's report
        return [_with_warnings(r, self.warnings) for r in reports]

    def _walk(self) -> _Walk:
        """Pillar headings, judgment sentences and the HMI's observations, up to the first
        question or 'Last updated' line (the pillar's overview follows: one page holds both)."""
        walk = _Walk()
        for index, block in enumerate(self.blocks):
            line = block.text
            folded = fold(line)
            named = _pillar_named(folded, self.vocab)
            if named is not None:
                walk.current = walk.pillars.setdefault(named.slug, _Pillar(named))
                walk.headings = True
            elif _EXTENT.search(line):
                self._judgment_sentence(walk, block)
            elif _QUESTION_OR_UPDATED.match(line):
                walk.tail = self.blocks[index:]
                break
            elif walk.current is None and (headless := self._headless_pillar(folded)):
                walk.clauses.setdefault(headless.slug, []).append(block)
            elif walk.current is None or _INSPECTOR.search(line):
                continue
            elif _OBSERVATIONS.match(folded.replace("\u2019", "'")):
                walk.current.observations_heading = True
                walk.shared = not walk.headings  # no pillar headings: the page's observations
            elif walk.current.observations_heading:
                observations = walk.page_observations if walk.shared else walk.current.observations
                observations.append(block)
        return walk

    def _headless_pillar(self, folded: str) -> PillarDef | None:
        """The pillar a clause of the page's opening names by its noun ("in terms of its
        effectiveness, ...") when the year's framework for it has no headline question to
        grade (2014: "The available evidence indicates that:" then one clause a pillar)."""
        for pillar in self.vocab.pillars:
            framework = self.vocab.framework(self.year, pillar.slug)
            if framework is None or framework.has_headline:
                continue
            nouns = {fold(w) for w in (pillar.label, *pillar.alt_labels) if " " not in w.strip()}
            if any(re.search(rf"\b{re.escape(noun)}\b", folded) for noun in nouns):
                return pillar
        return None

    def _clause_report(self, slug: str, blocks: list[Block]) -> Report | None:
        """A 2014 pillar's report from the clauses naming it: the grade of each core
        question they state ("However, it requires improvement in the way it investigates
        offending;"), or None when they state none (a warning says so)."""
        framework = self.vocab.framework(self.year, slug)
        assert framework is not None
        judgments: dict[str, Judgment] = {}
        for block in blocks:
            for q in framework.core():
                hit = self.reader.question(block.text, self.subjects, q) if q.graded else None
                if hit and q.code not in judgments:
                    span = Span(block.start + hit[1], block.start + hit[2], None, self.sha256)
                    judgments[q.code] = Judgment(q.code, hit[0], (span,), "judgment-sentence")
        if not judgments:
            self.warnings.append(f"{slug}: the page's clause about it states no question's grade")
            return None
        return self._pillar_report(slug, framework, slug, judgments, [], list(judgments))

    def _judgment_sentence(self, walk: _Walk, block: Block) -> None:
        """The grade a judgment sentence states, of the pillar whose wording it uses (or of
        the pillar named on the line above, by its headline wording)."""
        line, vocab, reader, subjects = block.text, self.vocab, self.reader, self.subjects
        hits = [(p, h) for p in vocab.pillars if (h := reader.pillar(line, subjects, p, vocab))]
        if not hits and walk.current is not None:
            hit = reader.find(line, subjects, headline_predicates(vocab, walk.current.pillar.slug))
            hits = [(walk.current.pillar, hit)] if hit else []
        if not hits:
            why = (
                "a pillar not yet graded (an interim page)"
                if _NOT_YET.search(line)
                else "a judgment sentence that names no pillar's wording, so its grade was not "
                "recorded"
            )
            self.warnings.append(f"{why}: {clean(line)!r}")
            return
        pillar, (grade, start, end) = hits[0]
        walk.current = walk.pillars.setdefault(pillar.slug, _Pillar(pillar))
        walk.current.grade = grade
        walk.current.sentence = Span(block.start + start, block.start + end, None, self.sha256)

    def _framework(self, state: _Pillar) -> Framework | None:
        """The framework a pillar's grade is recorded in, or None (and why, as a warning)."""
        label, year, slug = state.pillar.label, self.year, state.pillar.slug
        if state.grade is None:
            self.warnings.append(f"{label}: the page states no grade (cut short?)")
            return None
        framework = self.vocab.framework(year, slug)
        if framework is None:
            self.warnings.append(
                f"{label}: the page states {state.grade}, but there is no question framework "
                f"for PEEL {year} {slug}, so it was not recorded"
            )
            return None
        if not framework.has_headline:
            self.warnings.append(
                f"{label}: the page states {state.grade}, but the PEEL {year} "
                f"{slug} framework has no headline question to grade, so it was "
                "not recorded"
            )
            return None
        return framework

    def _report(self, state: _Pillar, framework: Framework, walk: _Walk, first: bool) -> Report:
        """A pillar's report; the page's own observations are findings of the first only."""
        label, page_observations = state.pillar.label, walk.page_observations
        observations = [*state.observations, *(page_observations if first else [])]
        if state.observations_heading and not observations and not page_observations:
            self.warnings.append(f"{label}: the HMI's observations are missing (cut short?)")
        headline = framework.headline.code
        judgments = self._judgments(state, framework, [*state.observations, *page_observations])
        findings = [
            Finding(headline, clean(b.text), (Span(b.start, b.end, None, self.sha256),), _HMI)
            for b in observations
        ]
        found = [headline]
        tail = _pillar_section(walk.tail, state.pillar, self.vocab)
        if tail:
            overview = read_sections(tail, framework, state.pillar, self.vocab, self.subjects)
            for code, judgment in overview.judgments.items():
                judgments.setdefault(code, judgment)
            findings += overview.findings
            found += overview.found
        return self._pillar_report(state.pillar.slug, framework, label, judgments, findings, found)

    def _pillar_report(
        self,
        pillar: str,
        framework: Framework,
        label: str,
        judgments: dict[str, Judgment],
        findings: list[Finding],
        found: list[str],
    ) -> Report:
        """The report of one pillar the page grades."""
        source = SourceFile(self.path, Path(self.path).name, self.sha256, LANDING_PAGE)
        return Report(
            documents=(Document(source, self.text),),
            force_name=self.force.name,
            force_slug=self.force.slug,
            force_known=True,
            year=self.year,
            pillar=pillar,
            framework=framework.key,
            title=f"{self.printed or self.force.name} PEEL {self.year}: {label}",
            judgments=tuple(sorted(judgments.values(), key=lambda j: j.question)),
            findings=tuple(findings),
            sections_found=tuple(dict.fromkeys(found)),
        )

    def _judgments(
        self, state: _Pillar, framework: Framework, blocks: list[Block]
    ) -> dict[str, Judgment]:
        """The headline's grade from the judgment sentence, then the first grade the
        observations state of each graded core question (none on a 2018/19 page: "The force
        is good at preventing crime" may be a grade carried over from an earlier year)."""
        headline = framework.headline.code
        assert state.grade is not None and state.sentence is not None
        judgments = {
            headline: Judgment(headline, state.grade, (state.sentence,), "judgment-sentence")
        }
        for block in [] if self.integrated else blocks:
            for q in framework.core():
                hit = self.reader.question(block.text, self.subjects, q) if q.graded else None
                if hit and q.code not in judgments:
                    span = Span(block.start + hit[1], block.start + hit[2], None, self.sha256)
                    judgments[q.code] = Judgment(q.code, hit[0], (span,), "judgment-sentence")
        return judgments


def _year(head: list[str], title: PageTitle | None, path: str) -> int:
    """The PEEL year of the page's title, else the first the first lines name."""
    year_match = next((m for line in head if (m := _PEEL_YEAR.search(line))), None)
    if title is not None:
        return title.year
    if year_match is not None:
        return int(year_match.group("year"))
    raise FormatError(
        "a landing page that names no PEEL year in its title or first lines "
        f"(first line: {clean(head[0])[:80]!r})",
        where=path,
        reason="no-year",
    )


def _with_warnings(report: Report, warnings: list[str]) -> Report:
    import dataclasses

    return dataclasses.replace(report, warnings=(*report.warnings, *warnings))


def _force_name(
    head: list[str], title: PageTitle | None, vocab: Vocabulary
) -> tuple[str | None, str]:
    """The force the page is about and the line it was read from: the title line's name
    when it is a reference force's, else the force the introduction assesses ("This is
    HMIC's third PEEL ... assessment of Lincolnshire Police"). Never a line's last words:
    an inspector's title ("Her Majesty's Inspector of Constabulary") names no force."""
    names = ForceNames.of(vocab)
    if title is not None and names.resolve(title.force):
        return title.force, title.line
    for line in head:
        match = _ASSESSMENT_OF.search(line)
        if match:
            found = names.find(match.group("rest"))
            if found:
                force, start, end = found[0]
                return match.group("rest")[start:end], line
    if title is not None:
        return title.force, title.line
    return None, head[0] if head else ""


def _pillar_section(blocks: list[Block], pillar: PillarDef, vocab: Vocabulary) -> list[Block]:
    """The pillar's overview on the page, from its headline question ("How efficient is the
    force at keeping people safe and reducing crime?") to the next pillar's: the page goes
    on with each pillar's section, in any order ("To be graded" ones too)."""
    start = None
    for index, block in enumerate(blocks):
        if not block.text.rstrip().endswith("?"):
            continue
        named = pillar_of_line(block.text, vocab)
        if start is None and named is pillar:
            start = index
        elif start is not None and named is not None and named is not pillar:
            return blocks[start:index]
    return blocks[start:] if start is not None else []


def _pillar_named(folded: str, vocab: Vocabulary) -> PillarDef | None:
    for p in vocab.pillars:
        if folded in {fold(w) for w in (p.label, *p.alt_labels)}:
            return p
    return None
