"""Synthetic PEEL reports: facts in, report text (or PDF) out, for round-trip tests.

:func:`random_facts` draws the facts of a plausible report from the reference vocabulary
(any PEEL year's question set, real or fictional forces, every grade, any number of AFIs,
findings and table rows, missing sections); the renderers write them in the full-report,
summary and landing-page formats, and as PDF; :mod:`.pages` writes the web page kinds
(overview, news release, landing page in every title shape, third-party copy, PEEL 2021+
report). :class:`ReportFacts` says what extraction must read back.
"""

from __future__ import annotations

from .facts import FULL, LANDING, SUMMARY, ReportFacts
from .generate import random_facts, reportable_frameworks
from .layout import Style
from .pages import (
    random_facts_2021,
    render_landing_web,
    render_news,
    render_overview,
    render_report_2021,
    with_site_lines,
)
from .text import render_full_report, render_landing_page, render_summary

__all__ = [
    "FULL",
    "LANDING",
    "SUMMARY",
    "ReportFacts",
    "Style",
    "random_facts",
    "random_facts_2021",
    "render_full_report",
    "render_landing_page",
    "render_landing_web",
    "render_news",
    "render_overview",
    "render_report_2021",
    "render_summary",
    "reportable_frameworks",
    "with_site_lines",
]
