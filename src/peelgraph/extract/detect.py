"""Which kind of PEEL page a text is, or why it is none that can be read.

The kinds read (docs/extraction.md, "Page kinds"):

- ``full-report``: the report as text or PDF ("PEEL: Police effectiveness 2016", "An
  inspection of ...", "Summary of findings" sections);
- ``summary``: the question-by-question web summary ("<Force> PEEL <year>", the pillar, the
  headline and core questions, judgment sentences, "Areas for improvement");
- ``overview``: the pillar's overview page ("Skip to content", "<Force> PEEL <year>", "Last
  updated dd/mm/yyyy", the headline question, a bare grade line, the summary paragraphs and
  perhaps "Questions for <pillar>" with a grade line per question);
- ``news-release``: a release about one force's report (its headline names the force, "Get
  the report"), read for the grades it states;
- ``report-2021``: the PEEL 2021/22 and 2023–25 report ("Overall summary", "Our judgments",
  a section per area of policing with its grade, AFIs, causes of concern);
- ``integrated-report``: the PEEL 2018/19 report across the pillars ("PEEL: Police
  effectiveness, efficiency and legitimacy 2018/19", the pillars' heading questions, a
  section per component with its grade, AFIs, causes of concern);
- ``landing-page``: the force's page for a cycle ("Hampshire 2016", "Thames Valley 2018/19",
  with or without PEEL) with one "The extent to which ..." judgment sentence per pillar.

Every other page is refused by :func:`refuse` with the reason it cannot be read: a national
page about all forces, a news release, a report's title and contents without its text, a
page that names no reference force or no PEEL year.
"""

from __future__ import annotations

import re

from ..errors import FormatError
from ..vocab import Vocabulary
from .forces import ONE_FORCE_MENTIONS, ForceNames, force_or_refuse, one_force_of
from .layout import clean, fold
from .metadata import find_title, pillar_of_heading
from .pagetitle import page_title
from .report2018 import INTEGRATED, is_integrated

FULL_REPORT = "full-report"
SUMMARY = "summary"
LANDING_PAGE = "landing-page"
OVERVIEW = "overview"
NEWS = "news-release"
REPORT_2021 = "report-2021"

SUMMARY_TITLE = re.compile(r"^(?P<force>.+?)\s+PEEL\s+(?P<year>(?:19|20)\d\d)(?:/\d\d)?\s*$")
_LANDING = re.compile(
    r"the extent to which [^.]{3,80}? (?:is \w+ (?:at|in) |operates \w+|treats )", re.IGNORECASE
)
_ASSESSMENT = re.compile(r"\bPEEL\b.{0,80}\bassessment of\b", re.IGNORECASE)
LAST_UPDATED = re.compile(r"^last updated\s+\d{1,2}/\d{1,2}/(?:19|20)\d\d$", re.IGNORECASE)
#: A report's own title, as on its cover or a copy of it ("PEEL: Police effectiveness 2017",
#: "PEEL Police effectiveness, efficiency and legitimacy 2018/19", "PEEL 2021/22").
_REPORT_TITLE = re.compile(r"^PEEL\b:?[^\n]{0,90}?\b(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_INTEGRATED = re.compile(r"effectiveness,\s*efficiency\s*(?:,|and)\s*legitimacy", re.IGNORECASE)
_INSPECTION_OF = re.compile(r"^an inspection of\b(?P<name>[^\n]*)$", re.IGNORECASE | re.MULTILINE)
_REPORT_2021 = re.compile(
    r"^(?:overall summary|our judgments?)$|PEEL Assessment Framework (?:20\d\d)",
    re.IGNORECASE | re.MULTILINE,
)
_CYCLE_2021 = re.compile(r"\b(?P<year>20[2-9]\d)\s*(?:/|\u2013|-|to)\s*(?:20)?\d\d\b")
_NATIONAL = re.compile(
    r"\b(?:all|every|most|many|the majority of|\d+|forty-three)\s+(?:local\s+|police\s+)?forces\b"
    r"|\bpolice forces\b|\bnational overview\b|\bnational press release\b"
    r"|\bforces in England and Wales\b|\bforce press releases\b",
    re.IGNORECASE,
)
_NEWS = re.compile(
    r"^(?:get the report|posted:.*|published on:.*|press release.*|news and info.*)$",
    re.IGNORECASE | re.MULTILINE,
)


#: A third-party listing of a report's items: "Areas for improvement", then each item under
#: a line naming its kind ("AFI"), its title line after it.
_ITEM_LISTING = re.compile(
    r"^areas for improvement\s*\n(?:[^\n]*\n){0,2}?AFI\s*\n[^\n]{20,}$",
    re.IGNORECASE | re.MULTILINE,
)


#: A grade word as a grade is written in running text ("'good' in two areas", "graded as
#: 'Outstanding'", "rated good", "requiring improvement").
_GRADE_WORD = re.compile(
    r"\b(?:outstanding|good|adequate|inadequate|requir\w* improvement)\b", re.IGNORECASE
)


#: A date, which names no PEEL cycle: "2024-07-23", "23/07/2024", "23 July 2024",
#: "July 23, 2024" (a news article's date line).
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d\d\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


#: The 2018/19 release's sentence that names its cycle: "In 2018/19, HMICFRS adopted an
#: integrated PEEL assessment (IPA) approach to our existing PEEL inspections."
INTEGRATED_CYCLE = re.compile(
    r"\b(?P<year>20[12]\d)/\d\d\b[^.]{0,60}\bintegrated PEEL assessment\b", re.IGNORECASE
)
#: A PEEL cycle named in running text, by the word PEEL and a year with only the words of a
#: report's or a programme's name between them: "PEEL 2016", "PEEL: police legitimacy 2017",
#: "(PEEL) assessment programme for 2015", "HMICFRS PEEL Inspection 2021/22", "2021/22 PEEL
#: Inspection". Not "this year's PEEL report", "PEEL assessment of Kent Police", nor "Peel
#: Report following an inspection in 2024" (a year of fieldwork or a date names no cycle).
CYCLE_NAMED = re.compile(
    r"\bPEEL\b\)?(?:[\s:,]+(?:police|inspections?|assessments?|reports?|programme|and|for"
    r"|effectiveness|efficiency|legitimacy|leadership))*[\s:,]+"
    r"(?P<year>(?:19|20)\d\d)(?:\s*[/\u2013-]\s*(?:20)?\d\d)?\b"
    r"|\b(?P<year2>(?:19|20)\d\d)(?:/\d\d)?\s+PEEL\b",
    re.IGNORECASE,
)
#: A cycle a page about one force's PEEL report names by the report's years without the
#: word PEEL beside them: "HMICFRS 2021/22 report published", "the HMICFRS report for
#: 2021/22", "its report spanning 2023 to 2025", or (2014 to 2017, one inspection per
#: pillar) by the year and pillar of the inspection: "our 2016 legitimacy inspection" (read
#: only on a page that names PEEL).
_CYCLE_WORDED = re.compile(
    r"\b(?:HMICFRS|HMIC)\s+(?P<year>20[1-9]\d)/\d\d\s+(?:PEEL\s+)?"
    r"(?:reports?|inspections?|assessments?)\b"
    r"|\b(?:report|inspection|assessment)\s+(?:for|spanning|covering)\s+"
    r"(?P<year2>20[1-9]\d)\s*(?:/\s*\d\d|(?:to|\u2013|-)\s*20[1-9]\d)\b"
    r"|\b(?:our|the|its)\s+(?P<year3>201[4-7])\s+(?:effectiveness|efficiency|legitimacy"
    r"|leadership)\s+(?:inspection|report|assessment)\b",
    re.IGNORECASE,
)


def cycle_year(match: re.Match[str]) -> int:
    """The first year of the cycle a :func:`cycle_named` match names."""
    groups = match.groupdict()
    return int(next(groups[g] for g in ("year", "year2", "year3") if groups.get(g)))


_PEEL = re.compile(r"\bPEEL\b")
#: A cycle named by the address of the inspectorate's PEEL assessment a page links in its
#: text (a commissioner's page: ".../hmicfrs/peel-assessments/peel-2018/cleveland/"): the
#: assessment's first year (read only on a page that names PEEL).
_CYCLE_ADDRESS = re.compile(
    r"\bjusticeinspectorates\.gov\.uk/\S*?\bpeel-assessments/peel-(?P<year>20[12]\d)\b",
    re.IGNORECASE,
)


def cycle_named(text: str, page: str | None = None) -> re.Match[str] | None:
    """Where ``text`` names a PEEL cycle (:func:`cycle_year`): by the word PEEL and
    a year (:data:`CYCLE_NAMED`), or by a report's years or its assessment's address when the
    page (``page``, else ``text``) names PEEL."""
    named = CYCLE_NAMED.search(text)
    if named is not None or not _PEEL.search(text if page is None else page):
        return named
    return _CYCLE_WORDED.search(text) or _CYCLE_ADDRESS.search(text)


#: The release's lead-in to its grade bullets: "Inspectors found that <Force>:".
JUDGED_THAT = re.compile(r"\b(?:judged|found) that (?P<subject>.+?):\s*$", re.IGNORECASE)


#: What follows "Overall summary" on a 2021+ report: its "Our judgments" heading, or (a copy
#: that lost the heading) the sentence that opens the judgments ("Our inspection assessed
#: how good Staffordshire Police is in 11 areas of policing").
_JUDGMENTS_OPENING = ("our judgment", "our inspection assessed how good")


def head_lines(text: str, limit: int = 6000) -> list[str]:
    return [line.strip() for line in text[:limit].split("\n") if line.strip()]


def detect_format(text: str, vocab: Vocabulary) -> str | None:
    """``full-report``, ``summary``, ``overview``, ``landing-page``, or None."""
    head = text[:6000]
    if find_title(head, vocab) and re.search(r"^summary of findings", text, re.I | re.M):
        return FULL_REPORT
    lines = head_lines(head)
    if is_integrated(head_lines(text, 40000), vocab):
        return INTEGRATED
    folded = [fold(line) for line in lines[:12]]
    if "overall summary" in folded and any(f.startswith(_JUDGMENTS_OPENING) for f in folded):
        return REPORT_2021
    title = page_title(lines)
    if title is not None and (_ASSESSMENT.search(head) or _extent_first(head)):
        return LANDING_PAGE  # checked first: its title line may read like a summary's
    if title is None and lines and (_NEWS.search(head) or _RELEASE_REPORT_LINE.search(head)):
        if len(ForceNames.of(vocab).named_in(release_headline(lines, vocab))) == 1:
            return NEWS  # a release about one force: its headline names it
    if title is None and _release_copy(lines, vocab):
        return NEWS
    untitled = title is None or (not title.peel and not ForceNames.of(vocab).resolve(title.force))
    if untitled and _article_of_one_force(head, vocab):
        return NEWS  # a heading such as "HMICFRS PEEL Inspection 2021/22" names no force
    if title is None or not title.peel:
        return None
    rest = lines[title.index + 1 : title.index + 8]
    if any(LAST_UPDATED.match(line) for line in rest):
        return OVERVIEW
    if rest and SUMMARY_TITLE.match(lines[title.index]):
        if pillar_of_heading(rest[0], vocab) is not None:
            return SUMMARY
    return None


#: The lines a copy of a release may carry above its headline (WiredGov: the publisher,
#: "Printable version").
_ABOVE_HEADLINE = re.compile(
    # a stored copy's date stamp may open the line ("date 2022-09-22 HM Inspectorate ..."),
    # a table's cell separator the site's link ("|Printable version")
    r"^(?:date\s+(?:19|20)\d\d-\d\d-\d\d\b\s*)?[|\s]*"
    r"(?:printable version|print|share|news|press release"
    r"|(?:his|her)? ?majesty.s inspectorate of constabulary.*|hm inspectorate of constabulary.*"
    r"|hmicfrs|hmic)$",
    re.IGNORECASE,
)


#: The line a release links its report by, within its first lines: "PEEL 2021/22 – An
#: inspection of <Force>" (a copy may have lost "Get the report" above it).
_RELEASE_REPORT_LINE = re.compile(
    r"\A(?:[^\n]*\n){1,6}?PEEL:?\s*20[2-9]\d\s*(?:/|\u2013|-)\s*\d\d\s*[\u2013\u2014:-]\s*"
    r"an inspection of\s+[^\n]+$",
    re.IGNORECASE | re.MULTILINE,
)


def release_headline(lines: list[str], vocab: Vocabulary) -> str:
    """A release's headline: its first line, after the lines a copy's site puts above it
    (the publisher's name, "Printable version")."""
    for line in lines[:4]:
        if not _ABOVE_HEADLINE.match(line.strip()):
            return line
    return lines[0] if lines else ""


def _release_copy(lines: list[str], vocab: Vocabulary) -> bool:
    """A copy of a 2018/19 force release (a news site's, without "Get the report" or the
    report's line): the release's sentence naming its cycle ("In 2018/19, HMICFRS adopted an
    integrated PEEL assessment") and its "Inspectors judged that <Force>:" lead-in naming
    one force."""
    if not any(INTEGRATED_CYCLE.search(line) for line in lines[:40]):
        return False
    judged = next((m for line in lines[:40] if (m := JUDGED_THAT.search(line))), None)
    return judged is not None and len(ForceNames.of(vocab).named_in(judged.group("subject"))) == 1


def _about_all_forces(text: str, names: ForceNames) -> bool:
    """A page about all forces: it speaks of forces in general ("all 43 forces", "police
    forces"), in its headline ("... - force press releases", "Most police forces are good
    ..."), or in its text without naming one force, and no other, throughout. A Police and
    Crime Commissioner's page listing the reports about its force ("HMIC independently
    assesses police forces ...", then the force named in entry after entry) is not one."""
    if not _NATIONAL.search(text):
        return False
    lines = head_lines(text)
    if lines and _NATIONAL.search(lines[0]) and not lines[0].rstrip().endswith("."):
        return True
    force = one_force_of(text, names)
    return force is None or sum(f.slug == force.slug for f, _, _ in names.find(text)) < (
        ONE_FORCE_MENTIONS
    )


def _article_of_one_force(head: str, vocab: Vocabulary) -> bool:
    """A page about one force's PEEL assessment that names its cycle but links no report (a
    local news article, a police and crime panel's minutes): read as a release, for the
    grades it states. A page about all forces, or naming several, is not one, nor a
    report's cover (its title line "PEEL: Police effectiveness ... 2018/19" first)."""
    names = ForceNames.of(vocab)
    if _about_all_forces(head[:3000], names) or not cycle_named(head[:3000]):
        return False
    if any(_REPORT_TITLE.match(line) for line in head_lines(head)[:12]):
        return False
    return one_force_of(head[:3000], names) is not None


def _extent_first(head: str) -> bool:
    """A pillar judgment sentence ("The extent to which ...") before any question line: a
    landing page's shape, not a summary that happens to use the phrase."""
    extent = _LANDING.search(head)
    if extent is None:
        return False
    question = re.search(r"^[^\n]*\?[ \t]*$", head, re.MULTILINE)
    return question is None or extent.start() < question.start()


def refuse(text: str, vocab: Vocabulary, path: str, override: str | None = None) -> FormatError:
    """The error that says why ``text`` (no page kind detected) cannot be read."""
    return _Refusal(text, vocab, path, override).error()


class _Refusal:
    """Why a page of no kind cannot be read: each step names one reason, or passes (None)
    to the next; the first reason found is the error. A step may raise instead, when the
    force the page names is not one the reference data knows."""

    def __init__(self, text: str, vocab: Vocabulary, path: str, override: str | None) -> None:
        self.text, self.vocab, self.path, self.override = text, vocab, path, override
        self.lines = head_lines(text)
        self.first = clean(self.lines[0])[:100] if self.lines else ""
        self.names = ForceNames.of(vocab)
        self.report_title = next((ln for ln in self.lines[:12] if _REPORT_TITLE.match(ln)), None)
        self.title = page_title(self.lines)

    def error(self) -> FormatError:
        steps = (
            self._uncharted_cycle,
            self._cover_only,
            self._one_force_no_cycle,
            self._not_a_report,
            self._titled_page,
        )
        for step in steps:
            error = step()
            if error is not None:
                return error
        return self._unknown()

    def _uncharted_cycle(self) -> FormatError | None:
        """A PEEL 2021+ report of a cycle with no framework in the reference data."""
        cycle = _CYCLE_2021.search(self.text[:6000])
        year = int(cycle.group("year")) if cycle else None
        if not _REPORT_2021.search(self.text[:3000]) or (
            year is not None and self.vocab.framework(year, "peel")
        ):
            return None
        known = sorted({y for y, _ in self.vocab.frameworks if y >= 2021})
        return FormatError(
            f"a PEEL {cycle.group(0) if cycle else '2021+'} report ('Overall summary', 'Our "
            "judgments'): its areas of policing have no question framework in the reference "
            f"data{f' (2021+ cycles known: {known})' if known else ''}"
            + ("" if year else ", and it names no cycle"),
            where=self.path,
            hint="add the cycle's framework with --reference FILE.ttl",
            reason="no-framework",
        )

    def _cover_only(self) -> FormatError | None:
        """A copy of a report's cover and contents: the force first, then what is missing."""
        inspection = _INSPECTION_OF.search(self.text[:4000])
        if self.report_title is None or inspection is None:
            return None
        name = inspection.group("name").strip(" .")
        force_or_refuse(name or None, inspection.group(0), self.vocab, self.path,
                        override=self.override, what="the title page")  # fmt: skip
        integrated = _INTEGRATED.search(self.report_title)
        if integrated and not any(y == 2018 for y, _ in self.vocab.frameworks):
            return FormatError(
                f"{clean(self.report_title)[:100]!r} is an integrated report (several pillars in "
                "one): the reference data has no framework for the integrated assessment, so no "
                "grade is read from it",
                where=self.path,
                hint="give the force's PEEL web pages for each pillar, or add the framework "
                "with --reference FILE.ttl",
                reason="no-framework",
            )
        return FormatError(
            f"the title page and contents of {clean(self.report_title)[:80]!r} without the "
            "report's text (no 'Summary of findings' or judgment): a copy cut after its cover",
            where=self.path,
            hint="give the whole report (PDF or text)",
            reason="no-content",
        )

    def _one_force_no_cycle(self) -> FormatError | None:
        """An untitled page about one force (a news article, a commissioner's page) that
        states grades but names no PEEL cycle: they cannot be filed under one."""
        head = self.text[:3000]
        if self.title is not None or self.report_title is not None or _NATIONAL.search(head):
            return None
        if len(self.names.named_in(head)) != 1 or cycle_named(head):
            return None
        return self._no_cycle() if _GRADE_WORD.search(head) else None

    def _no_cycle(self) -> FormatError:
        return FormatError(
            "not a PEEL document of a known format: it states grades but names no PEEL cycle "
            "('PEEL 2016', 'PEEL 2021/22'; a date or an inspection's year is none), so they "
            f"cannot be filed under a cycle (first line: {self.first!r})",
            where=self.path,
            hint="give the force's report or its PEEL web pages for the cycle",
            reason="no-year",
        )

    def _not_a_report(self) -> FormatError | None:
        """A national page, a news release, or a report's title without its text."""
        forces = self.names.named_in(self.lines[0]) if self.lines else []
        if self.title is None and not forces and _about_all_forces(self.text[:3000], self.names):
            return FormatError(
                "a national page about all forces, not one force's report (first line: "
                f"{self.first!r})",
                where=self.path,
                hint="national overviews and news releases state no force's grades",
                reason="national-page",
            )
        if self.title is None and _NEWS.search(self.text[:3000]):
            about = f" about {forces[0].name}" if forces else ""
            return FormatError(
                f"a news release{about}, not an inspection report (first line: {self.first!r})",
                where=self.path,
                hint="give the force's report or its PEEL web pages",
                reason="news-release" if forces else "national-page",
            )
        if self.report_title is not None and _ITEM_LISTING.search(self.text[:6000]):
            return FormatError(
                f"a listing of the areas for improvement of {clean(self.report_title)[:100]!r} "
                "(each under an 'AFI' line) without the area of policing each comes under: "
                "they cannot be filed under a question of the cycle",
                where=self.path,
                hint="give the report's text or PDF, whose area sections hold its AFIs",
                reason="no-question",
            )
        if self.report_title is not None:
            return FormatError(
                f"{clean(self.report_title)[:140]!r} is a PEEL report's title, but the page "
                "holds none of the report's text (no 'Summary of findings', questions or "
                "judgments)",
                where=self.path,
                reason="no-content",
            )
        return None

    def _titled_page(self) -> FormatError | None:
        """A page titled '<Force> PEEL <year>' that is none of the web page kinds."""
        title = self.title
        if title is None or not title.peel:
            return None
        force_or_refuse(title.force, title.line, self.vocab, self.path, override=self.override)
        return FormatError(
            f"a page titled {title.line!r} that is no summary, overview or landing page (no "
            "pillar line, 'Last updated' line or judgment sentence after the title)",
            where=self.path,
            reason="unknown-format",
        )

    def _unknown(self) -> FormatError:
        """No known format: said with the force or the year it lacks, if it does."""
        if not self.names.named_in(self.text[:3000]) and not self.override:
            return FormatError(
                "not a PEEL document of a known format, and it names no force the reference "
                f"data knows (first line: {self.first!r})",
                where=self.path,
                hint="name the force with 'build --force SLUG' if the page is one force's",
                reason="no-force",
            )
        undated = _DATE.sub(" ", self.text[:3000])
        if not cycle_named(self.text[:3000]) and _GRADE_WORD.search(self.text[:3000]):
            return self._no_cycle()
        if not re.search(r"\b(?:19|20)\d\d\b", undated):
            dated = " (its only year is a date)" if undated != self.text[:3000] else ""
            return FormatError(
                f"not a PEEL document of a known format, and it names no PEEL year{dated}: "
                f"its grades cannot be filed under a cycle (first line: {self.first!r})",
                where=self.path,
                hint="a PEEL page names its cycle ('PEEL 2016', '2018/19', 'PEEL 2021/22')",
                reason="no-year",
            )
        return FormatError(
            "not a PEEL document of a known format (full report, web summary, overview, landing "
            "page)",
            where=self.path,
            hint="a full report opens with 'PEEL: Police <pillar> <year>' and has 'Summary of "
            "findings' sections; a web page opens with '<Force> PEEL <year>'",
            reason="unknown-format",
        )
