"""Compare what extraction read from a synthetic report with the facts it was written from."""

from __future__ import annotations

from ..model import Report
from .facts import FULL, LANDING, NEWS, OVERVIEW, REPORT_2021, SUMMARY, ReportFacts


def differences(facts: ReportFacts, report: Report, fmt: str = FULL) -> list[str]:
    """Every way the extracted report differs from the facts; empty when they agree."""
    out: list[str] = []

    def same(what: str, expected: object, got: object) -> None:
        if expected != got:
            out.append(f"{what}: expected {expected!r}, got {got!r}")

    same("force slug", facts.force_slug, report.force_slug)
    same("force known", facts.force_known, report.force_known)
    same("year", facts.year, report.year)
    same("pillar", facts.pillar, report.pillar)
    same("framework", facts.framework, report.framework)
    judgments = {j.question: j.grade for j in report.judgments}
    same("judgments", facts.expected_judgments(fmt), judgments)
    if fmt == LANDING:
        got = [(f.question, f.section, f.text) for f in report.findings]
        _compare_lists(out, "findings", facts.expected_findings(fmt), got)
        return out
    if fmt in (OVERVIEW, NEWS, REPORT_2021):
        # the web page kinds: grades, AFIs where the kind carries them, the paragraphs
        same("AFIs", facts.expected_afis(fmt), [(a.question, a.text) for a in report.afis])
        got = [(f.question, f.section, f.text) for f in report.findings]
        _compare_lists(out, "findings", facts.expected_findings(fmt), got)
        return out
    same("AFIs", facts.expected_afis(), [(a.question, a.text) for a in report.afis])
    if fmt == FULL:
        same("force name", facts.force_name, report.force_name)
        same("published", facts.published, report.published)
        same("isbn", facts.isbn, report.isbn)
        same("sections found", facts.expected_sections(), list(report.sections_found))
        got = [(f.question, f.section, f.text) for f in report.findings]
        _compare_lists(out, "findings", facts.expected_findings(fmt), got)
        observations = {
            (o.figure, o.row_label, o.area, o.unit, o.period, o.value)
            for o in report.observations
            if o.figure.startswith("Figure")
        }
        expected = facts.expected_observations()
        if observations != expected:
            out.append(
                f"observations: missing {sorted(expected - observations)!r}, "
                f"unexpected {sorted(observations - expected)!r}"
            )
    if fmt == SUMMARY:
        got = [(f.question, f.section, f.text) for f in report.findings]
        _compare_lists(out, "findings", facts.expected_findings(fmt), got)
    mentioned = {p for f in report.findings for p in f.mentions}
    mentioned |= {p for a in report.afis for p in a.mentions}
    named = {pid for p in facts.paragraphs() for pid in p.partners}
    if fmt == SUMMARY:
        named = {pid for s in facts.headed() for p in s.summary for pid in p.partners}
    if named - mentioned:
        out.append(f"partners named but not found: {sorted(named - mentioned)}")
    for missing in facts.missing_sections:
        if not any(missing in w for w in report.warnings):
            out.append(f"no warning about the missing section {missing}")
    return out


def _compare_lists(out: list[str], what: str, expected: list, got: list) -> None:  # type: ignore[type-arg]
    if expected == got:
        return
    for n, (e, g) in enumerate(zip(expected, got, strict=False)):
        if e != g:
            out.append(f"{what}[{n}]: expected {e!r}, got {g!r}")
            break
    if len(expected) != len(got):
        out.append(f"{what}: expected {len(expected)}, got {len(got)}")
