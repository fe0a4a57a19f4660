"""Helpers shared by tests."""

from __future__ import annotations

from decimal import Decimal


def canonical(value: object) -> str:
    """A cell as text that does not depend on the engine: numbers normalised, and the parts
    of a GROUP_CONCAT (whose order SPARQL leaves open) sorted."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    return "; ".join(sorted(str(value).replace(", ", "; ").split("; ")))


def canonical_rows(rows: list[dict[str, object]]) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted((k, canonical(v)) for k, v in r.items())) for r in rows)
