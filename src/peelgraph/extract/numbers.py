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
    star_period = _star_period(region)
    labels = {fold(f"{a} {b}") for a in areas.force_labels for b in areas.comparators}
    labels |= {fold(f"{b} {a}") for a in areas.force_labels for b in areas.comparators}
    comparator = next(iter(areas.comparators.values()))
    observations: list[Observation] = []
    section = ""
    for i, block in enumerate(region):
        if fold(block.text) not in labels or i == 0:
            if "\n" not in block.text and not parse_number(block.text) and i + 1 < len(region):
                if fold(region[i + 1].text) not in labels and len(block.text) < 60:
                    section = clean(block.text).rstrip("*")
            continue
        indicator_block = region[i - 1]
        values = region[i + 1 : i + 3]
        numbers = [parse_number(v.text) for v in values]
        if len(values) < 2 or any(n is None for n in numbers):
            continue  # the graphic's numbers were lost: no observation
        line = clean(indicator_block.text)
        periods = find_periods(line)
        period_text = periods[-1].text if periods else star_period
        period_end = periods[-1].end if periods else None
        if period_text is None:
            continue
        label = strip_period(line)
        change = change_period(line)
        if change is not None:
            period_text, period_end = change.text, change.end
            label = with_span_of(label, change)
        if not periods and section:
            label = f"{section}: {label}"
        context = f"{line} {section}"
        unit = choose_unit(context, units)
        if unit is None and any("%" in v.text for v in values):
            unit = "percent"
        if unit is None:
            continue
        key = f"force-in-numbers/{slugify(label, 80)}"
        force_first = fold(block.text).startswith(fold(areas.force_labels[0])) or any(
            fold(block.text).startswith(fold(f)) for f in areas.force_labels
        )
        order = [areas.force_slug, comparator] if force_first else [comparator, areas.force_slug]
        for area, value_block, number in zip(order, values, numbers, strict=True):
            assert number is not None
            observations.append(
                Observation(
                    indicator=key,
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
    return observations


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
    sentences = _sentences(text)
    found: list[Observation] = []
    comparator = next(iter(areas.comparators.values()))
    for index, (start, sentence) in enumerate(sentences):
        per = _PER_HUNDRED.search(sentence)
        if per:
            found.extend(
                _pair(
                    sentence,
                    start,
                    offset,
                    page,
                    areas,
                    units,
                    [(per, "value", areas.force_slug)],
                    f"{per.group('counted')} per {per.group('base')} {per.group('what')}",
                    sentences,
                    index,
                )
            )
            continue
        values = _values(sentence)
        if comparator_label.lower() not in sentence.lower():
            continue
        if len(values) >= 2 and _COMPARE.search(sentence):
            pairs = [(values[0], "value", areas.force_slug), (values[1], "value", comparator)]
            found.extend(
                _pair(sentence, start, offset, page, areas, units, pairs, None, sentences, index)
            )
        elif (
            len(values) == 1
            and index > 0
            and re.match(
                r"^(?:This|That|It)\s+(?:is\s+)?compare|^In\s+England", sentence.strip(), re.I
            )
        ):
            prev_start, prev = sentences[index - 1]
            prev_values = _values(prev)
            if len(prev_values) != 1 or comparator_label.lower() in prev.lower():
                continue
            pairs = [(prev_values[0], "value", areas.force_slug)]
            first = _pair(
                prev, prev_start, offset, page, areas, units, pairs, None, sentences, index - 1
            )
            if not first:
                continue
            second = _pair(
                sentence,
                start,
                offset,
                page,
                areas,
                units,
                [(values[0], "value", comparator)],
                None,
                sentences,
                index,
                like=first[0],
            )
            found.extend(first + second)
    return found


def _pair(sentence, start, offset, page, areas, units, pairs, label, sentences, index, like=None):  # type: ignore[no-untyped-def]
    out: list[Observation] = []
    in_sentence = find_periods(sentence)
    period = max(in_sentence, key=lambda p: p.end or "") if in_sentence else None
    if period is None and index > 0:
        period = find_period(sentences[index - 1][1])
    if period is None and like is None:
        return []
    for match, group, area in pairs:
        raw = match.group(group)
        value = parse_number(raw)
        if value is None:
            return []
        unit_text = match.groupdict().get("unit") or ""
        context = sentence[max(0, match.start() - 40) : match.end() + 40]
        change = _DECREASE.search(context) or _INCREASE.search(context)
        if like is not None:
            unit = like.unit
        elif unit_text and re.search(r"percent|per\s*cent|%", unit_text, re.I) and change:
            unit = "percentage-change"
        else:
            unit = choose_unit(unit_text + " " + sentence, units) or (
                "percent" if unit_text else None
            )
        if unit is None:
            return []
        if unit == "percentage-change" and _DECREASE.search(context) and value > 0:
            value = -value
        indicator_label = (
            like.indicator_label if like is not None else _label(label or sentence, areas)
        )
        change = change_period(sentence) if unit == "percentage-change" and like is None else None
        if change is not None:
            period = change
            indicator_label = with_span_of(indicator_label.removesuffix(" (%)"), change) + " (%)"
        key = like.indicator if like is not None else f"text/{slugify(indicator_label, 90)}"
        vstart = offset + start + match.start(group)
        out.append(
            Observation(
                indicator=key,
                indicator_label=indicator_label,
                area=area,
                period=like.period if like is not None else period.text,
                period_end=like.period_end if like is not None else period.end,
                unit=unit,
                value=Decimal(value),
                figure="text",
                spans=(Span(vstart, vstart + len(raw), page),),
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
