"""Passages about an earlier inspection's findings, and what the later report says of them.

"In HMIC's effectiveness inspection report in 2015, we reported that the force should improve
its ability to ... This year, we noted that the force has taken positive steps ..." gives the
earlier year, what was reported, and the progress passage. "In response to HMIC's PEEL
Effective Inspection 2015, ..." and "An HMIC recommendation made in a previous report required
..." are follow-ups too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EARLIER = re.compile(
    r"(?:in|during|following|in response to|since)\s+(?:HMIC|HMICFRS|our|the)['\u2019]?s?\s+"
    r"(?P<what>[^.]{0,80}?)\b(?:inspection|report|review)s?(?:\s+report)?"
    r"(?:\s+(?:in|of|published in))?\s+(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(
    r"(?:in|during|following|in response to|since)\s+(?:HMIC|HMICFRS|our)['\u2019]?s?\s+"
    r"(?P<year>(?:19|20)\d\d)\s+(?P<what>[^.]{0,60}?)\b(?:inspection|report|review)",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"(?:we|HMIC|HMICFRS)\s+(?:reported|found|said|recommended|stated)\s+that\s+"
    r"(?P<earlier>(?:the\s+(?:force|constabulary)|[A-Z][\w ]+?(?:Police|Constabulary))\s+"
    r"(?:should|needed to|must|was not|did not)[^.]*\.)",
)
_PREVIOUS_RECOMMENDATION = re.compile(
    r"(?:recommendation|area for improvement)\s+(?:made\s+)?in\s+(?:a|an|our|the)\s+previous\s+"
    r"(?:report|inspection)\s+(?P<earlier>(?:required|said|asked)[^.]*\.)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FollowUpHit:
    earlier_year: int | None
    earlier_text: str | None
    start: int  # where the follow-up passage starts in the paragraph


def find_follow_up(paragraph: str, report_year: int) -> FollowUpHit | None:
    """A follow-up in a paragraph: the earlier year and what was reported, or None."""
    recommendation = _PREVIOUS_RECOMMENDATION.search(paragraph)
    for regex in (_EARLIER, _YEAR_FIRST):
        match = regex.search(paragraph)
        if match and int(match.group("year")) < report_year:
            reported = _REPORTED.search(paragraph, match.end())
            responds = match.group(0).lower().startswith("in response to")
            if reported is None and not responds:
                continue  # a mention of an earlier inspection, not a follow-up of its findings
            earlier = reported.group("earlier") if reported else None
            return FollowUpHit(int(match.group("year")), earlier, match.start())
    if recommendation:
        sentence_start = paragraph.rfind(".", 0, recommendation.start()) + 1
        earlier = recommendation.group("earlier")
        return FollowUpHit(None, earlier, sentence_start)
    return None
