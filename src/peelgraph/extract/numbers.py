"""Metrics outside figure tables: the "Force in numbers" page and comparative sentences.

"Force in numbers" gives, for each indicator, a line naming it and its period, a line naming
the force and England and Wales, then the two values. A graphic whose numbers were lost in
conversion gives no values, and so no observation (never a zero).

Comparative sentences set a force value beside England and Wales ("11.5 percent ... compared
with 14.3 percent", "29 organised crime groups per one million ... This compares to 46 ...",
"for every 100 domestic abuse related offences ... 58 arrests").
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Observation, Span
from ..textkeys import slugify
from ..vocab import TermDef
from .layout import Block, clean, fold
from .periods import Period, change_period, find_period, find_periods, strip_period
from .tables import Areas, choose_unit, parse_number

FORCE_IN_NUMBERS = "force in numbers"
_NUMBER = r"[+\u2212-]?\d[\d,]*(?:\.\d+)?"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u2018'\"])")
_VALUE = re.compile(
    rf"(?P<value>{_NUMBER})\s*(?P<unit>percent|per\s*cent|%|(?:[A-Za-z()]+\s+){{0,5}}per\s+"
    rf"(?:one\s+)?(?:1,000|100|million|thousand)\b)?",
    re.IGNORECASE,
)
_DECREASE = re.compile(r"\b(?:decrease[sd]?|fell|fewer|lower|reduc\w+|drop\w*)\b", re.I)
_INCREASE = re.compile(r"\b(?:increase[sd]?|rose|more|higher|rise)\b", re.I)
_COMPARE = re.compile(
    r"\b(?:compared?s?|compared with|compared to|in line with|than)\b", re.IGNORECASE
)
_PER_HUNDRED = re.compile(
    rf"for every (?P<base>100|1,000)\s+(?P<what>[^,]+?)(?:\s+recorded)?\s*(?:in|,)[^,]*,\s*"
    rf"there (?:were|was)\s+(?P<value>{_NUMBER})\s+(?P<counted>[a-z][a-z\s-]+?)\s+"
    r"(?:made|recorded|issued)?",
    re.IGNORECASE,
)


_MONTH_AFTER = re.compile(
    r"^\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)


def _star_period(blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.text.startswith("*"):
            found = find_period(block.text)
            if found:
                return found.text
    return None


def force_in_numbers(
    blocks: list[Block], areas: Areas, units: tuple[TermDef, ...], stop: set[str]
) -> list[Observation]:
    """Observations from the "Force in numbers" page (ends at a heading in ``stop``)."""
    start = next((i for i, b in enumerate(blocks) if fold(b.text) == FORCE_IN_NUMBERS), None)
    if start is None:
        return []
    end = start + 1
    while end < len(blocks) and fold(blocks[end].text) not in stop and end < start + 400:
        end += 1
    region = blocks[start + 1 : end]
    if not region:
        return []
    page = _ForceInNumbers(region, areas, units)
    observations: list[Observation] = []
    section = ""
    for i, block in enumerate(region):
        if fold(block.text) not in page.area_lines or i == 0:
            if "\n" not in block.text and not parse_number(block.text) and i + 1 < len(region):
                if fold(region[i + 1].text) not in page.area_lines and len(block.text) < 60:
                    section = clean(block.text).rstrip("*")
            continue
        observations.extend(page.indicator(i, section))
    return observations


class _ForceInNumbers:
    """The "Force in numbers" page: each indicator is a line naming it and its period, a
    line naming the force and England and Wales, then the two values."""

    def __init__(self, region: list[Block], areas: Areas, units: tuple[TermDef, ...]):
        self.region, self.areas, self.units = region, areas, units
        self.star_period = _star_period(region)
        pairs = [(a, b) for a in areas.force_labels for b in areas.comparators]
        self.area_lines = {fold(f"{a} {b}") for a, b in pairs} | {
            fold(f"{b} {a}") for a, b in pairs
        }

    def indicator(self, i: int, section: str) -> list[Observation]:
        """The observations of the indicator whose area line is block ``i``."""
        values = self.region[i + 1 : i + 3]
        numbers = [parse_number(v.text) for v in values]
        if len(values) < 2 or any(n is None for n in numbers):
            return []  # the graphic's numbers were lost: no observation
        line = clean(self.region[i - 1].text)
        periods = find_periods(line)
        period_text = periods[-1].text if periods else self.star_period
        period_end = periods[-1].end if periods else None
        if period_text is None:
            return []
        label = strip_period(line)
        change = change_period(line)
        if change is not None:
            period_text, period_end = change.text, change.end
            label = with_span_of(label, change)
        if not periods and section:
            label = f"{section}: {label}"
        unit = choose_unit(f"{line} {section}", self.units)
        if unit is None and any("%" in v.text for v in values):
            unit = "percent"
        if unit is None:
            return []
        out = []
        for area, value_block, number in zip(
            self.order(self.region[i]), values, numbers, strict=True
        ):
            assert number is not None
            out.append(
                Observation(
                    indicator=f"force-in-numbers/{slugify(label, 80)}",
                    indicator_label=f"{label} \u2014 Force in numbers",
                    area=area,
                    period=period_text,
                    period_end=period_end,
                    unit=unit,
                    value=number,
                    figure="Force in numbers",
                    spans=(Span(value_block.start, value_block.end, value_block.page),),
                )
            )
        return out

    def order(self, area_line: Block) -> list[str]:
        """The areas of the two values, in the order the area line names them."""
        areas = self.areas
        comparator = next(iter(areas.comparators.values()))
        force_first = any(fold(area_line.text).startswith(fold(f)) for f in areas.force_labels)
        return [areas.force_slug, comparator] if force_first else [comparator, areas.force_slug]


def with_span_of(label: str, change: Period) -> str:
    """A change's label saying over how long ("Change in recorded crime over 5 years"), the
    span its period wording gave before it was cut out."""
    return f"{label} over {change.text.split(' to ')[0]}"


def _sentences(text: str) -> list[tuple[int, str]]:
    out = []
    position = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        out.append((position, text[position:end]))
        if match:
            position = match.end()
    return out


def _values(sentence: str) -> list[re.Match[str]]:
    hits = []
    for m in _VALUE.finditer(sentence):
        before = sentence[max(0, m.start() - 12) : m.start()].lower()
        after = sentence[m.end("value") : m.end("value") + 12].lower()
        if re.search(r"(?:\b(?:19|20)\d\d\b)", m.group("value")) and not m.group("unit"):
            continue  # a year
        if re.search(r"(?:months|figure|annex|page|paragraph)\s*$", before):
            continue
        if after.startswith((" month", " year", " forces", " out of", ")")) or _MONTH_AFTER.match(
            after
        ):
            continue  # a duration, a count of forces, or the day of a date
        if before.endswith(("per ", "every ")):
            continue  # the base of a rate ("per 1,000"), not a value
        hits.append(m)
    return hits


def comparisons(
    text: str,
    offset: int,
    page: int | None,
    areas: Areas,
    units: tuple[TermDef, ...],
    comparator_label: str,
) -> list[Observation]:
    """Force and England-and-Wales values stated side by side in a paragraph's sentences."""
    reader = _Comparisons(_sentences(text), offset, page, areas, units)
    found: list[Observation] = []
    for index, (_, sentence) in enumerate(reader.sentences):
        per = _PER_HUNDRED.search(sentence)
        if per:
            label = f"{per.group('counted')} per {per.group('base')} {per.group('what')}"
            found.extend(reader.pair(index, [(per, areas.force_slug)], label))
            continue
        if comparator_label.lower() not in sentence.lower():
            continue
        values = _values(sentence)
        if len(values) >= 2 and _COMPARE.search(sentence):
            pairs = [(values[0], areas.force_slug), (values[1], reader.comparator)]
            found.extend(reader.pair(index, pairs))
        elif len(values) == 1 and index > 0 and _COMPARES_WITH_BEFORE.match(sentence.strip()):
            found.extend(reader.with_sentence_before(index, values[0], comparator_label))
    return found


_COMPARES_WITH_BEFORE = re.compile(r"^(?:This|That|It)\s+(?:is\s+)?compare|^In\s+England", re.I)


class _Comparisons:
    """The sentences of one passage, where they stand in the document, and what their values
    can be: the areas and the units of the reference data."""

    def __init__(
        self,
        sentences: list[tuple[int, str]],
        offset: int,
        page: int | None,
        areas: Areas,
        units: tuple[TermDef, ...],
    ):
        self.sentences, self.offset, self.page = sentences, offset, page
        self.areas, self.units = areas, units
        self.comparator = next(iter(areas.comparators.values()))

    def with_sentence_before(
        self, index: int, value: re.Match[str], comparator_label: str
    ) -> list[Observation]:
        """ "29 OCGs per one million ... This compares with 46 ...": the force's value in the
        sentence before, England and Wales's in this one."""
        prev = self.sentences[index - 1][1]
        prev_values = _values(prev)
        if len(prev_values) != 1 or comparator_label.lower() in prev.lower():
            return []
        first = self.pair(index - 1, [(prev_values[0], self.areas.force_slug)])
        if not first:
            return []
        return first + self.pair(index, [(value, self.comparator)], like=first[0])

    def period(self, index: int) -> Period | None:
        """The latest period the sentence names, else the first of the sentence before."""
        in_sentence = find_periods(self.sentences[index][1])
        if in_sentence:
            return max(in_sentence, key=lambda p: p.end or "")
        return find_period(self.sentences[index - 1][1]) if index > 0 else None

    def unit(self, sentence: str, match: re.Match[str]) -> str | None:
        unit_text = match.groupdict().get("unit") or ""
        context = sentence[max(0, match.start() - 40) : match.end() + 40]
        change = _DECREASE.search(context) or _INCREASE.search(context)
        if unit_text and re.search(r"percent|per\s*cent|%", unit_text, re.I) and change:
            return "percentage-change"
        return choose_unit(unit_text + " " + sentence, self.units) or (
            "percent" if unit_text else None
        )

    def pair(
        self,
        index: int,
        pairs: list[tuple[re.Match[str], str]],
        label: str | None = None,
        like: Observation | None = None,
    ) -> list[Observation]:
        """One observation per (value match, area) of sentence ``index``, all or none; ``like``
        is the observation a comparator value completes (its indicator, period and unit)."""
        start, sentence = self.sentences[index]
        period = self.period(index)
        if period is None and like is None:
            return []
        out: list[Observation] = []
        for match, area in pairs:
            value = parse_number(match.group("value"))
            unit = like.unit if like is not None else self.unit(sentence, match)
            if value is None or unit is None:
                return []
            context = sentence[max(0, match.start() - 40) : match.end() + 40]
            if unit == "percentage-change" and _DECREASE.search(context) and value > 0:
                value = -value
            if like is not None:
                key, indicator_label = like.indicator, like.indicator_label
                period_text, period_end = like.period, like.period_end
            else:
                assert period is not None
                indicator_label = _label(label or sentence, self.areas)
                change = change_period(sentence) if unit == "percentage-change" else None
                if change is not None:
                    period = change
                    indicator_label = with_span_of(indicator_label.removesuffix(" (%)"), change)
                    indicator_label += " (%)"
                key = f"text/{slugify(indicator_label, 90)}"
                period_text, period_end = period.text, period.end
            vstart = self.offset + start + match.start("value")
            out.append(
                Observation(
                    indicator=key,
                    indicator_label=indicator_label,
                    area=area,
                    period=period_text,
                    period_end=period_end,
                    unit=unit,
                    value=Decimal(value),
                    figure="text",
                    spans=(Span(vstart, vstart + len(match.group("value")), self.page),),
                )
            )
        return out


def _label(sentence: str, areas: Areas) -> str:
    """A sentence made into an indicator label: numbers, period, force and area names out."""
    text = strip_period(clean(sentence))
    for name in sorted((*areas.force_labels, *areas.comparators), key=len, reverse=True):
        text = re.sub(
            rf"\b(?:in|for|across|by)?\s*(?:all forces in\s+)?{re.escape(name)}('s)?\b",
            "",
            text,
            flags=re.I,
        )
    text = re.sub(rf"{_NUMBER}", "", text)
    text = re.sub(r"\b(?:percent|per cent)\b", "%", text)
    text = re.sub(r"^(?:\s*(?:in|for|when|more recently|over)\b[^,]*,)+", "", text, flags=re.I)
    text = re.sub(
        r",?\s*(?:which|compared|this compares|this is compared)\b.*$", "", text, flags=re.I
    )
    text = re.sub(r"^[^,]{0,60}\bthat\b[^,]*,\s*", "", text)
    text = re.sub(
        r"\b(?:for|in|to|as at|of)\s+(?=(?:has|have|was|is|were|increased|decreased)\b)", "", text
    )
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = re.sub(r"(?:\s+(?:for|in|to|of|over|at|the|as))+$", "", text)
    change = re.match(
        r"^(?P<subject>.+?)\s+(?:has\s+|have\s+)?(?:increased|decreased|fell|rose|changed)\s+by\s+%$",
        text,
    )
    if change:
        text = f"Change in {change.group('subject')} (%)"
    return text[:1].upper() + text[1:] if text else "Value"
