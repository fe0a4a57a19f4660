"""Helpers shared by tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

#: Reference data for the fictional forces of the test documents (a page never mints a
#: force): pass it as extra reference (``--reference``) wherever they are built.
FICTIONAL_FORCES = Path(__file__).resolve().parent / "data" / "fictional-forces.ttl"


def fictional_context(engine: str | None = None):  # noqa: ANN201 - a BuildContext
    """The packaged reference data plus the tests' fictional forces."""
    from peelgraph.context import DEFAULT_ENGINE, BuildContext

    return BuildContext.from_options([FICTIONAL_FORCES], engine or DEFAULT_ENGINE)


def canonical(value: object) -> str:
    """A cell as text that does not depend on the engine: numbers normalised, and the parts
    of a GROUP_CONCAT (whose order SPARQL leaves open) sorted."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    return "; ".join(sorted(str(value).replace(", ", "; ").split("; ")))


def canonical_rows(rows: list[dict[str, object]]) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted((k, canonical(v)) for k, v in r.items())) for r in rows)
