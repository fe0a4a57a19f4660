"""Synthetic PEEL reports: facts in, report text (or PDF) out, for round-trip tests.

:func:`random_facts` draws the facts of a plausible report from the reference vocabulary
(any PEEL year's question set, real or fictional forces, every grade, any number of AFIs,
findings and table rows, missing sections); the renderers write them in the full-report,
summary and landing-page formats, and as PDF. :class:`ReportFacts` says what extraction must
read back.
"""

from __future__ import annotations

from .facts import FULL, LANDING, SUMMARY, ReportFacts
from .generate import random_facts, reportable_frameworks
from .layout import Style
from .text import render_full_report, render_landing_page, render_summary

__all__ = [
    "FULL",
    "LANDING",
    "SUMMARY",
    "ReportFacts",
    "Style",
    "random_facts",
    "render_full_report",
    "render_landing_page",
    "render_summary",
    "reportable_frameworks",
]
