"""Which optional extra (``pip install 'peelgraph[viz]'``) provides a missing module.

Read from the installed package's own metadata (the ``[project.optional-dependencies]`` of
pyproject.toml), so the answer cannot drift from what the extras hold. A leaf module: no
peelgraph imports.
"""

from __future__ import annotations

import re
from functools import cache

#: Import names of distributions whose import name differs from the distribution's.
_IMPORT_NAMES = {"fpdf2": "fpdf", "pyyaml": "yaml", "sparqlwrapper": "SPARQLWrapper"}
_REQUIREMENT = re.compile(r"^([A-Za-z0-9_.-]+).*?;\s*extra\s*==\s*['\"]([\w-]+)['\"]")


@cache
def extras_by_module() -> dict[str, list[str]]:
    """The extras that provide each optional module, by import name (``dev`` and ``all``
    left out)."""
    from importlib import metadata

    try:
        requirements = metadata.requires("peelgraph") or []
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return {}
    found: dict[str, list[str]] = {}
    for line in requirements:
        match = _REQUIREMENT.match(line)
        if match is None or match.group(2) in ("dev", "all"):
            continue
        dist = match.group(1).lower()
        found.setdefault(_IMPORT_NAMES.get(dist, dist), []).append(match.group(2))
    return found


def install_hint(module: str | None, prefer: str | None = None) -> str | None:
    """``pip install 'peelgraph[extra]'`` for a missing module an extra provides, else None.
    Of several extras that provide it, ``prefer`` (the command's name) if it is one."""
    if not module:
        return None
    extras = extras_by_module().get(module.split(".")[0].lower())
    if not extras:
        return None
    extra = prefer if prefer in extras else extras[0]
    return f"pip install 'peelgraph[{extra}]'"
