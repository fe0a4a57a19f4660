"""Recognising a year's framework questions in text, and what a judgment sentence says of them.

Everything recognised here comes from the reference data (the year's question scheme, the
grade scheme, the pillar's headline wording): a new PEEL year is a data change.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..vocab import Framework, QuestionDef, Vocabulary
from .layout import fold

#: How alike a heading and a question's wording must be (difflib ratio) to match.
_FUZZY = 0.93
_OVERVIEW_PREFIX = re.compile(r"^(?:overview|summary)\s*[-:]\s*")
#: A landing page's "The extent to which the force is ... at ..." label: read by its own form.
_EXTENT_LEAD = re.compile(r"^the extent to which\b")
_FORCE_WORDS = ("the force", "the constabulary", "the service")
_QUESTION_STEM = re.compile(
    r"^how (?:effective|efficient|effectively|efficiently|well|good|legitimate) "
    r"(?:is|are|does|do) the force(?:'s)? (?:at |in )?(?P<predicate>.+?)\??$"
)


#: A label's leading "how the force" / "how it" / "the way it": its first two words would
#: say nothing of what is judged (every "how the force ..." label would match every other).
HOW_LEAD = re.compile(r"^(?:how|the way(?: in which)?)\s+(?:it|the force|the constabulary)\s+")


def label_predicate(label: str) -> str:
    """What a judgment sentence says the force is good "at", from a label that is not a
    question ("how it treats the public and its workforce": "treats the public ...")."""
    return HOW_LEAD.sub("", fold(label))


def _variants(label: str) -> set[str]:
    folded = fold(label)
    out = {folded}
    for word in _FORCE_WORDS[1:]:
        out.add(folded.replace("the force", word).replace("force's", word[4:] + "'s"))
    return out


class QuestionMatcher:
    """Matches headings to the questions and sections of one framework."""

    def __init__(self, framework: Framework, area_names: tuple[str, ...] = ()):
        self.framework = framework
        self._exact: dict[str, QuestionDef] = {}
        self._section_patterns: list[tuple[re.Pattern[str], QuestionDef]] = []
        for q in framework.questions:
            if q.level == "section":
                pattern = q.heading_pattern or q.label
                self._section_patterns.append((_pattern_regex(pattern), q))
                continue
            for label in (q.label, *q.alt_labels):
                for variant in _variants(label):
                    self._exact.setdefault(variant, q)
        self._area_names = area_names

    def match(self, heading: str) -> QuestionDef | None:
        """The question or section a heading names, or None."""
        folded = _OVERVIEW_PREFIX.sub("", fold(heading))
        if not folded.endswith("?"):
            return None
        found = self._exact.get(folded)
        if found:
            return found
        for regex, section in self._section_patterns:
            if regex.match(folded):
                return section
        best, best_ratio = None, _FUZZY
        for label, q in self._exact.items():
            if 2 * min(len(folded), len(label)) / (len(folded) + len(label)) < best_ratio:
                continue  # the lengths alone rule it out
            matcher = SequenceMatcher(None, folded, label, autojunk=False)
            if matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio:
                best, best_ratio = q, ratio
        return best


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    parts = [re.escape(fold(p)) for p in pattern.split("{area}")]
    return re.compile("^" + ".+?".join(parts) + "$")


def predicate_of(question: QuestionDef) -> str | None:
    """What a judgment sentence says a force is good at, from the question's wording."""
    match = _QUESTION_STEM.match(fold(question.label))
    return match.group("predicate") if match else None


def headline_predicates(
    vocab: Vocabulary, pillar: str, framework: Framework | None = None
) -> tuple[str, ...]:
    """What an overall judgment sentence of the pillar may say the force is good "at": the
    pillar's headline wording (reference data), then the wording of the headline questions
    of the pillar's frameworks, ``framework``'s first. A framework whose pillar states no
    headline wording (legitimacy) is still read through its own headline question."""
    found: list[str] = []
    for p in vocab.pillars:
        if p.slug == pillar:
            found.extend(p.headline_predicates)
    frameworks = [framework] if framework else []
    frameworks += [f for _, f in sorted(vocab.frameworks.items()) if f.pillar == pillar]
    for f in frameworks:
        if not f.has_headline:
            continue
        predicate = predicate_of(f.headline)
        if predicate:
            found.append(predicate)
        # the judgment's own words ("is good in the way it treats the public and its
        # workforce"): the headline question's labels that are not questions
        found += [
            label_predicate(label)
            for label in f.headline.alt_labels
            if not label.rstrip().endswith("?") and not _EXTENT_LEAD.match(fold(label))
        ]
    return tuple(p for p in dict.fromkeys(found) if p)
