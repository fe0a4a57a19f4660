"""Lines a third-party copy of a report puts around its text: not content.

Document-sharing sites that copy a published PDF ("Embed Size (px)", "TRANSCRIPT", "Citation
preview", "Page 2: <title> · PDF file<snippet>"), trackers that list a report's
recommendations ("Source · HMICFRS") and the site's own title line ("peel: police
effectiveness 2017 - justice inspectorates") are blanked before a page is read. Blanked,
not removed: every character keeps its offset, so each item's span still points at the same
text of the file as given.
"""

from __future__ import annotations

import re

_SITE_LINE = re.compile(
    r"^[ \t]*(?:embed size \(px\)|transcript|citation preview|download (?:pdf|report)"
    r"|report this (?:link|document)|source\s*\u00b7\s*\S[^\n]*"
    r"|page \d+:[^\n]*|[^\n]*\u00b7 pdf file[^\n]*"
    r"|[a-z][^\n]{0,80}? - justice inspectorates)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def blank_site_lines(text: str) -> str:
    """``text`` with every third-party site line replaced by spaces (same length)."""
    return _SITE_LINE.sub(lambda m: " " * len(m.group(0)), text)
