"""A force's news release about its PEEL report: the grades it states, nothing else.

The release names the force in its headline ("Avon and Somerset Constabulary's effectiveness
at keeping people safe and reducing crime is good"), links the report ("PEEL: police
effectiveness 2016 – Avon and Somerset Constabulary", "Get the report") and may list the
question grades under "HMIC judged that <Force>:" as bullets ("is 'good' at preventing
crime ...;", "'requires improvement' in how it tackles serious and organised crime"). Each
bullet is read as a sentence with the force as its subject. A 2018/19 release links "PEEL:
Police effectiveness, efficiency and legitimacy 2018/19 – <Force>" and grades the three
pillars under "Inspectors found that <Force>:": one report per pillar it grades. A 2021+
release links "PEEL 2021/22 – An inspection of <Force>" and names the areas of policing
given one grade in a list ("the 'requires improvement' areas included how the force
responds to the public and use of resources", "'requires improvement' in one area –
investigating crime"): each area of the list is matched to a core question of the cycle's
framework by its labels. The quotations from the inspector are neither findings of the
report nor its grades, and are not kept. A release
that states no grade that can be recorded is refused (``news-release``), one whose listed
areas the framework does not record with the areas it names (``no-question``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import FormatError
from ..model import Judgment, Report, Span
from ..vocab import Framework, PillarDef, QuestionDef, Vocabulary
from .detect import INTEGRATED_CYCLE, JUDGED_THAT, cycle_named, cycle_year
from .forces import ForceNames, force_or_refuse, one_force_of, subjects_of
from .grades import VERB_FORMS, GradeReader
from .layout import Block, clean, fold, line_blocks, strip_marker, unwrap_hard_breaks
from .metadata import peel_title_head, pillar_of
from .overview import framework_or_refuse
from .report2018 import INTEGRATED_TITLE, integrated_frameworks
from .sections import Statements, page_report, page_source

NEWS = "news-release"
#: The line that links the release's report: its title and the force.
_REPORT_LINE = re.compile(
    peel_title_head("[a-z]+") + r"\s*[\u2013\u2014-]\s*(?:an inspection of\s+)?(?P<force>.+?)\s*$",
    re.IGNORECASE,
)
#: The 2021+ report a release links: "PEEL 2021/22 – An inspection of Thames Valley Police",
#: "PEEL 2023-25: An inspection of Thames Valley Police" (the 2023-25 releases' colon).
_REPORT_LINE_AREAS = re.compile(
    r"^PEEL:?\s*(?P<year>20[2-9]\d)\s*(?P<to>/|\u2013|-|to)?\s*(?:20)?(?P<end>\d\d)"
    r"\s*[\u2013\u2014:-]\s*(?:an inspection of\s+)?(?P<force>.+?)\s*$",
    re.IGNORECASE,
)


def _areas_report_line(text: str) -> re.Match[str] | None:
    """``text`` as a 2021+ report line; "PEEL 202325: An inspection of <force>" (a copy
    that lost the dash between the years) only when the second year is one or two after
    the first."""
    line = _REPORT_LINE_AREAS.match(text)
    if line is None or line.group("to"):
        return line
    gap = (int(line.group("end")) - int(line.group("year"))) % 100
    return line if gap in (1, 2) else None


#: A list of the areas given one grade: "the <grade> areas included <list>", "<grade> in
#: one area – <list>", "the areas graded as <grade> included <list>" (the grade word
#: unquoted by ``_sentences``).
_AREA_LIST = (
    r"\b(?P<grade>{grades})\s+areas?\s+(?:included|include|were|are|was|is)\s+(?P<list>[^.]+)"
    r"|\b(?P<grade2>{grades})\s+in\s+(?:\w+|\d+)\s+areas?\s*(?:[\u2013\u2014:]|-\s)\s*"
    r"(?P<list2>[^.]+)"
    r"|\bareas?\s+(?:(?:that|which)\s+)?(?:(?:graded|rated|judged)\s+(?:as\s+)?)?"
    r"(?P<grade3>{grades})\s+"
    r"(?:included|include|were|are|was|is)\s+(?P<list3>[^.]+)"
    r"|(?:^|\bthat\s+)(?P<list4>[^.;:]+?),?\s+(?:which\s+)?(?:were|are)\s+(?:all\s+)?"
    r"(?:judged|graded|rated|assessed)\s+(?:as\s+|to\s+be\s+|to\s+)?(?P<grade4>{grades})\b"
    r"|\b(?:graded|rated)\s+(?:(?:the|its|this)\s+(?:[\w-]+\s+){{0,2}}?)?(?:as\s+)?"
    r"(?P<grade5>{grades})\s+(?:in|at|for)\s+(?P<list5>[^.]+)"
    r"|^(?P<list6>[^.\n]{{3,80}}?)\s+[-\u2013\u2014:]\s+(?P<grade6>{grades})\s*$"
)
#: Where a list of areas graded one way goes on with another grade: "rated the force good in
#: A and B, and adequate at C, D and E".
_NEXT_GRADE = r",?\s+and\s+(?P<grade>{grades})\s+(?:in|at|for)\s+"
_KEYS = ("", "2", "3", "4", "5", "6")
#: A gloss in brackets after an area's name, left out to match its labels.
_GLOSS = re.compile(r"\s*\([^)]*\)")
_QUOTED = re.compile(r"[\u2018'\u201c\"](?P<word>[A-Za-z -]{3,25})[\u2019'\u201d\"]")


def read_news(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> Report:
    """The report a release is about, with the grades it states (refused if it states none);
    the first pillar's of a 2018/19 release (:func:`read_news_reports` gives them all)."""
    return read_news_reports(text, vocab, path=path, sha256=sha256, force=force)[0]


def read_news_reports(
    text: str, vocab: Vocabulary, *, path: str, sha256: str, force: str | None = None
) -> list[Report]:
    """One report per pillar the release grades: one, or up to three of a 2018/19 integrated
    assessment ("is 'good' at operating efficiently ..." grades efficiency)."""
    blocks = line_blocks(unwrap_hard_breaks(text))
    first = blocks[0].text if blocks else ""
    linked = _report_line(blocks, first, vocab, path)
    year, printed = linked.year, linked.force
    chosen = force_or_refuse(printed, linked.line, vocab, path, override=force,
                             what="the release's report line")  # fmt: skip
    subjects = subjects_of(chosen, printed)
    reports: list[Report] = []
    for framework in _frameworks(linked, vocab, year, path):
        judgments, unknown = _judgments(blocks, vocab, framework, subjects, sha256)
        if framework.pillar == "peel" and not judgments:
            _refuse_unknown_areas(unknown, framework, chosen.name, path)
        if judgments:
            read = Statements(judgments=judgments, found=list(judgments))
            if framework.pillar == "peel":  # the listed areas it could not record
                read.warnings += [
                    f"an area graded in a list that is no area of the PEEL {year} framework "
                    f"of the reference data, not recorded: {area!r}"
                    for area in unknown
                ]
            title = clean(linked.line)
            reports.append(page_report(text, page_source(path, sha256, NEWS), chosen, framework,
                                       title, read))  # fmt: skip
    if not reports:
        raise FormatError(
            f"a news release about {chosen.name} that states no grade of the PEEL {year} "
            f"{linked.what} framework (first line: {clean(first)[:80]!r})",
            where=path,
            hint="give the force's report or its PEEL web pages",
            reason=NEWS,
        )
    return reports


def _frameworks(linked: _Linked, vocab: Vocabulary, year: int, path: str) -> list[Framework]:
    """The frameworks whose grades the release may state: its pillar's, or each pillar's of
    a 2018/19 integrated assessment."""
    if linked.pillar is not None:
        headline = linked.pillar != "peel"
        return [framework_or_refuse(vocab, year, linked.pillar, path, headline=headline)]
    frameworks = integrated_frameworks(vocab, year)
    if not frameworks:
        raise FormatError(
            f"a news release about a PEEL {year} integrated report: the reference data has no "
            "framework of that cycle for effectiveness, efficiency or legitimacy",
            where=path,
            hint="add the cycle's frameworks with --reference FILE.ttl",
            reason="no-framework",
        )
    return frameworks


def _refuse_unknown_areas(unknown: list[str], framework: Framework, force: str, path: str) -> None:
    """Refuse a 2021+ release that grades areas the framework does not record, naming them."""
    if unknown:
        raise FormatError(
            f"a news release about {force} that grades areas of policing the PEEL "
            f"{framework.year} framework of the reference data does not record: "
            + ", ".join(repr(a) for a in unknown),
            where=path,
            hint="give a fuller framework of the cycle with --reference FILE.ttl",
            reason="no-question",
        )


@dataclass(frozen=True)
class _Linked:
    """The line that links the release's report (its year, the force as printed), and the
    pillar it grades (None: the three pillars of a 2018/19 integrated assessment); ``what``
    names it in a refusal."""

    line: str
    year: int
    force: str
    pillar: str | None
    what: str

    @classmethod
    def of(cls, match: re.Match[str], pillar: str | None, what: str) -> _Linked:
        return cls(match.group(0), int(match.group("year")), match.group("force"), pillar, what)


def _report_line(blocks: list[Block], first: str, vocab: Vocabulary, path: str) -> _Linked:
    """The line that links the report ('PEEL: police <pillar> <year> \u2013 <force>', 'PEEL:
    Police effectiveness, efficiency and legitimacy 2018/19 \u2013 <force>', 'PEEL 2021/22
    \u2013 An inspection of <force>'); a release without one is refused."""
    head = [b.text for b in blocks[:40]]
    line = next((m for text in head if (m := _REPORT_LINE.match(text))), None)
    pillar = pillar_of(line.group("pillar"), vocab) if line else None
    if line is not None and pillar is not None:
        return _Linked.of(line, pillar, pillar)
    line = next((m for text in head if (m := INTEGRATED_TITLE.match(text))), None)
    if line is not None and line.group("force"):
        return _Linked.of(line, None, "integrated")
    line = next((m for text in head if (m := _areas_report_line(text))), None)
    if line is not None:  # a 2021+ report grades areas of policing (pillar peel)
        return _Linked.of(line, "peel", "peel")
    copied = _integrated_copy(head) or _cycle_named(head, vocab)
    if copied is not None:
        return copied
    named = ForceNames.of(vocab).named_in(first)
    about = f" about {named[0].name}" if named else ""
    raise FormatError(
        f"a news release{about}, not an inspection report: it names no PEEL pillar and year "
        f"of a report ('PEEL: police <pillar> <year> \u2013 <force>'; first line: "
        f"{clean(first)[:80]!r})",
        where=path,
        hint="give the force's report or its PEEL web pages",
        reason=NEWS,
    )


def _integrated_copy(head: list[str]) -> _Linked | None:
    """A copy of a 2018/19 release without its report line (a news site's): the cycle from
    the release's own sentence ("In 2018/19, HMICFRS adopted an integrated PEEL assessment
    (IPA) approach"), the force from its "Inspectors judged that <Force>:" line."""
    cycle = next((m for text in head if (m := INTEGRATED_CYCLE.search(text))), None)
    judged = next((m for text in head if (m := JUDGED_THAT.search(text))), None)
    if cycle is None or judged is None:
        return None
    line = clean(judged.group(0)).rstrip(":")
    return _Linked(line, int(cycle.group("year")), judged.group("subject"), None, "integrated")


def _cycle_named(head: list[str], vocab: Vocabulary) -> _Linked | None:
    """A page about one force's PEEL assessment that links no report (a local news article,
    a police and crime panel's minutes): the cycle from the words that name it ("PEEL
    assessment programme for 2015", "HMICFRS PEEL Inspection 2021/22"), the force from the
    one reference force the page names. Before 2018/19 it may grade every pillar, from
    2021 the areas of policing."""
    joined = "\n".join(head)
    named = next(((m, text) for text in head if (m := cycle_named(text, joined))), None)
    names = ForceNames.of(vocab)
    force = one_force_of(joined, names)
    if named is None or force is None:
        return None
    match, line = named
    first = next(f for f in names.find(joined) if f[0].slug == force.slug)
    printed = joined[first[1] : first[2]]
    year = cycle_year(match)
    if year >= 2021:
        return _Linked(clean(line), year, printed, "peel", "peel")
    return _Linked(clean(line), year, printed, None, "effectiveness, efficiency or legitimacy")


def _judgments(
    blocks: list[Block],
    vocab: Vocabulary,
    framework: Framework,
    subjects: tuple[str, ...],
    sha256: str,
) -> tuple[dict[str, Judgment], list[str]]:
    """The first grade each line states of the pillar (its headline) or of a core question,
    and the areas listed with a grade that are no core question of ``framework``.
    The words that grade the headline grade nothing else: "is 'good' at how it treats the
    public and its workforce" is the legitimacy pillar's grade, not that of "treating the
    public fairly" or "treating the workforce fairly"."""
    reader = GradeReader(vocab.grades, framework.allowed_grades)
    lists = _AreaLists.of(vocab, framework, reader)
    judgments: dict[str, Judgment] = {}
    unknown: list[str] = []
    heading: str | None = None  # the grade of a grade line over lines of areas
    for block, line in _sentences(blocks, vocab):
        span = (Span(block.start, block.end, None, sha256),)
        if framework.pillar == "peel":
            heading, under = lists.under_heading(line, heading)
            for q, grade in under:
                judgments.setdefault(q.code, Judgment(q.code, grade, span, "judgment-sentence"))
            if heading is not None:
                continue
        hit = _headline_hit(line, vocab, framework, subjects, reader)
        if hit and framework.headline.code not in judgments:
            judgments[framework.headline.code] = Judgment(
                framework.headline.code, hit[0], span, "judgment-sentence"
            )
        for q in framework.core():
            found = reader.question(line, subjects, q) if q.graded else None
            if found and hit and found[1] < hit[2] and hit[1] < found[2]:
                continue  # the headline's words
            if found and q.code not in judgments:
                judgments[q.code] = Judgment(q.code, found[0], span, "judgment-sentence")
        listed, unlisted = lists.read(line)
        for q, grade in listed:
            judgments.setdefault(q.code, Judgment(q.code, grade, span, "judgment-sentence"))
        unknown += unlisted
    return judgments, list(dict.fromkeys(unknown))


def _headline_hit(
    line: str,
    vocab: Vocabulary,
    framework: Framework,
    subjects: tuple[str, ...],
    reader: GradeReader,
) -> tuple[str, int, int] | None:
    """(grade, start, end) of the pillar's grade in ``line``: by the pillar's name and
    headline wordings of every cycle, or by this framework's headline labels unless the line
    grades another pillar by its words (the 2015-2017 headlines all end "at keeping people
    safe and reducing crime": "The extent to which X is effective at keeping people safe
    and reducing crime is good" is no grade of efficiency)."""
    if not framework.has_headline:
        return None
    pillar = next(p for p in vocab.pillars if p.slug == framework.pillar)
    hit = reader.pillar(line, subjects, pillar, vocab) or _all_pillars(line, pillar, subjects,
                                                                       reader)  # fmt: skip
    if hit is not None:
        return hit
    others = (p for p in vocab.pillars if p.slug not in {pillar.slug, "peel"})
    if any(reader.pillar(line, subjects, p, vocab) for p in others):
        return None
    return reader.question(line, subjects, framework.headline)


#: One grade given to the three pillars of a 2014-2018/19 assessment at once: "<Force> were
#: rated as 'inadequate' for all three areas assessed during the PEEL process: efficiency,
#: effectiveness and legitimacy", "graded <Force> as good in each of the three pillars"
#: (quoted grade words unquoted by ``_sentences``).
_ALL_PILLARS = re.compile(
    r"\b(?:rated|graded|judged|assessed)\s+(?:(?P<object>[^.;]{1,60}?)\s+)?(?:as\s+)?"
    r"(?P<grade>[a-z]+(?:\s+improvement)?)\s+(?:for|in|across)\s+(?:all|each of the)\s+"
    r"(?:three|3)\s+(?P<what>pillars|areas)\b(?P<rest>[^.;]*)",
    re.IGNORECASE,
)


def _all_pillars(
    line: str, pillar: PillarDef, subjects: tuple[str, ...], reader: GradeReader
) -> tuple[str, int, int] | None:
    """(grade, start, end) of one grade given to all three pillars in ``line`` (of the force:
    it names the force; "areas" only when it names the pillar among them)."""
    match = _ALL_PILLARS.search(line)
    if match is None or (grade := reader.bare(match.group("grade"))) is None:
        return None
    if not any(fold(s) in fold(line[: match.end()]) for s in subjects):
        return None
    if match.group("what").lower() == "areas":
        names = (pillar.label, *pillar.alt_labels)
        if not any(fold(n) in fold(match.group("rest")) for n in names if " " not in n.strip()):
            return None
    return grade, match.start(), match.end()


@dataclass(frozen=True)
class _AreaLists:
    """Reads the lists of areas given one grade ("the 'requires improvement' areas included
    A and B") against one framework: its grade words and its core questions' labels, made
    once a release."""

    framework: Framework
    reader: GradeReader
    grades: dict[str, str]  # a grade word, folded -> its slug
    pattern: re.Pattern[str]
    labels: dict[str, QuestionDef]  # a graded core question's label, as _label_key -> it
    next_grade: re.Pattern[str]

    @classmethod
    def of(cls, vocab: Vocabulary, framework: Framework, reader: GradeReader) -> _AreaLists:
        grades = {fold(w): g.slug for g in vocab.grades if g.slug in framework.allowed_grades
                  for w in (g.label, *g.alt_labels)}  # fmt: skip
        grades.update({form + word[len(verb):]: slug for word, slug in list(grades.items())
                       for verb, forms in VERB_FORMS if word.startswith(verb)
                       for form in forms})  # fmt: skip
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(grades, key=len)[::-1])
        labels = {_label_key(label): q for q in framework.core() if q.graded
                  for label in (q.label, *q.alt_labels)}  # fmt: skip
        pattern = re.compile(_AREA_LIST.format(grades=words), re.IGNORECASE)
        next_grade = re.compile(_NEXT_GRADE.format(grades=words), re.IGNORECASE)
        return cls(framework, reader, grades, pattern, labels, next_grade)

    def grade_of(self, word: str) -> str | None:
        """The grade slug a grade word names ("Requires improvement" -> requires-improvement)."""
        return self.grades.get(" ".join(fold(word).split()))

    def read(self, line: str) -> tuple[list[tuple[QuestionDef, str]], list[str]]:
        """The graded core questions a list in ``line`` names, with their grade slug, and
        the listed areas that are no core question of the framework."""
        found: list[tuple[QuestionDef, str]] = []
        unknown: list[str] = []
        for match in self.pattern.finditer(line):
            word = next(w for k in _KEYS if (w := match["grade" + k]))
            listed = next(t for k in _KEYS if (t := match["list" + k]))
            for grade, part in self._graded_parts(
                self.grades[" ".join(fold(word).split())], listed
            ):
                self._read_list(grade, part, found, unknown)
        return found, unknown

    def under_heading(
        self, line: str, heading: str | None
    ) -> tuple[str | None, list[tuple[QuestionDef, str]]]:
        """A list given as a grade on a line of its own ("Adequate"), then one area a line
        ("Investigating crime", "Developing a positive workplace (supporting and protecting
        the workforce)"): the grade the lines that follow ``line`` come under (None when
        ``line`` is neither a grade line nor an area under one), and the area ``line`` names
        with the grade it comes under."""
        text = line.strip()
        grade = self.grade_of(text.rstrip(":"))
        if grade is not None:
            return grade, []
        if heading is None or len(text) > 100 or text.endswith((".", ":")):
            return None, []
        found: list[tuple[QuestionDef, str]] = []
        self._read_list(heading, _GLOSS.sub("", text), found, [])
        return (heading, found) if found else (None, [])

    def _graded_parts(self, grade: str, listed: str) -> list[tuple[str, str]]:
        """The list split where it goes on with another grade ("A and B, and adequate at C")."""
        parts: list[tuple[str, str]] = []
        start = 0
        for sep in self.next_grade.finditer(listed):
            parts.append((grade, listed[start : sep.start()]))
            grade, start = self.grades[" ".join(fold(sep["grade"]).split())], sep.end()
        parts.append((grade, listed[start:]))
        return parts

    def _read_list(
        self,
        grade: str,
        listed: str,
        found: list[tuple[QuestionDef, str]],
        unknown: list[str],
    ) -> None:
        """Each area of one list given ``grade``: to ``found`` or, if no core question, to
        ``unknown``."""
        pieces = _list_pieces(listed)
        lead_in = True  # the list's first area may follow words that lead into the list
        while pieces:
            area, used = _named_area(listed, pieces, self.labels)
            if area is None and lead_in:
                area, used = _named_area(listed, pieces, self.labels, lead_in=True)
            lead_in = False
            if area is None:  # no label written out in full: read the piece as a sentence
                used = 1
                area = _area(pieces[0][2], grade, self.framework, self.reader)
                if area is None and len(pieces) > 1:  # an area whose label has "and" in it
                    joined = f"{pieces[0][2]} and {pieces[1][2]}"
                    if (area := _area(joined, grade, self.framework, self.reader)) is not None:
                        used = 2
            if area is not None:
                found.append((area, grade))
            elif pieces[0][2]:
                unknown.append(pieces[0][2])
            del pieces[:used]


def _list_pieces(listed: str) -> list[tuple[int, int, str]]:
    """The pieces of a list between its commas, semicolons and "and"s: (start, end, text)
    ("recording data about crime; treatment of the public; ..., and good use of
    resources")."""
    out, start = [], 0
    for sep in [*re.finditer(r"[,;]\s*(?:and\s+)?|\s+and\s+", listed), None]:
        end = sep.start() if sep else len(listed)
        out.append((start, end, listed[start:end].strip()))
        start = sep.end() if sep else end
    return out


def _named_area(
    listed: str,
    pieces: list[tuple[int, int, str]],
    labels: dict[str, QuestionDef],
    *,
    lead_in: bool = False,
) -> tuple[QuestionDef | None, int]:
    """The graded core question one of whose labels is written out in full by the first
    pieces of the list (the most pieces first: "building, supporting and protecting its
    workforce" is one area, not three), and how many pieces it takes. With ``lead_in``, the
    label may close the pieces after words leading into the list ("work needs to be done in
    treating the public fairly and with respect, ...")."""
    if lead_in:  # the fewest pieces first; the lead-in words lie within the first piece
        first = _label_key(pieces[0][2])
        for n in range(1, len(pieces) + 1):
            key = _label_key(listed[pieces[0][0] : pieces[n - 1][1]])
            area = next((q for label, q in labels.items() if key.endswith(" " + label)
                         and first.startswith(key[: -len(label)])), None)  # fmt: skip
            if area is not None:
                return area, n
        return None, 0
    for n in range(len(pieces), 0, -1):
        area = labels.get(_label_key(listed[pieces[0][0] : pieces[n - 1][1]]))
        if area is not None:
            return area, n
    return None, 0


def _label_key(text: str) -> str:
    return " ".join(re.sub(r"[,;]", " ", fold(text)).split())


def _area(text: str, grade: str, framework: Framework, reader: GradeReader) -> QuestionDef | None:
    """The graded core question an area named in a list is, by its labels: read as if the
    release said "the force is <grade> at <area>"."""
    verb = "requires improvement" if grade == "requires-improvement" else f"is {grade}"
    sentence = f"The force {verb} at {text}."
    return next(
        (q for q in framework.core() if q.graded and reader.question(sentence, ("the force",), q)),
        None,
    )


def _sentences(blocks: list[Block], vocab: Vocabulary) -> Iterator[tuple[Block, str]]:
    """Each line as a sentence to read: quoted grade words unquoted, and a bullet under
    "judged that <Force>:" or "found that <Force>:" given the force as its subject. The
    "judged that" line itself is not read, nor a paragraph of the inspector's quotation
    (it opens with a double quotation mark): "The force is good at preventing and
    investigating crime" is what the inspector found, the release's bullets its grades."""
    words = {w.lower() for g in vocab.grades for w in (g.label, *g.alt_labels)}
    words |= {form + w[len(verb) :] for w in words for verb, forms in VERB_FORMS
              if w.startswith(verb) for form in forms}  # fmt: skip
    subject: str | None = None
    for block in blocks:
        if block.text.lstrip().startswith(("\u201c", '"')):
            subject = None
            continue
        # a paragraph that opens the inspector's quotation ("... said: \u201cI am pleased
        # ...") is read only up to it
        text = block.text.split("\u201c", 1)[0]
        line = _QUOTED.sub(
            lambda m: m.group("word") if m.group("word").lower() in words else m.group(0),
            text,
        )
        judged = JUDGED_THAT.search(line)
        if judged:
            subject = judged.group("subject")
            continue
        removed, rest = strip_marker(line)
        if removed and subject:
            line = f"{subject} {rest}"
        elif not removed:
            subject = None
        yield block, line
