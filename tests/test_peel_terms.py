"""The ``peel:`` vocabulary is closed: every term the code, the saved queries, the shapes and
the reference data use is declared in ``ontology/peel.ttl``, and ``peelgraph.peelterms`` (the
Python namespace) is generated from that file, so ``PEEL.evidenceFro`` is an error, not a new
term.

After adding a term to ``ontology/peel.ttl``, regenerate the module with
``PEELGRAPH_REGENERATE_TERMS=1 python -m pytest tests/test_peel_terms.py``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from peelgraph.iris import PEEL

ROOT = Path(__file__).resolve().parents[1]
PEEL_TTL = ROOT / "ontology" / "peel.ttl"
MODULE = ROOT / "src" / "peelgraph" / "peelterms.py"
NS = "https://w3id.org/peelgraph/ontology#"

#: The module's own header (docstring, imports, class line) ends here; the term list
#: under it is what this test generates.
_END_OF_HEADER = "    _fail = True\n\n"


def declared_terms() -> dict[str, str]:
    """Local name -> first line of its label or comment, for every term of peel.ttl."""
    g = Graph().parse(PEEL_TTL)
    terms: dict[str, str] = {}
    for s in set(g.subjects()):
        if isinstance(s, URIRef) and str(s).startswith(NS) and str(s) != NS:
            note = g.value(s, RDFS.label) or g.value(s, RDFS.comment) or ""
            terms[str(s)[len(NS) :]] = " ".join(str(note).split())[:80]
    return dict(sorted(terms.items()))


def generated_module() -> str:
    current = MODULE.read_text(encoding="utf-8")
    lines = [current[: current.index(_END_OF_HEADER) + len(_END_OF_HEADER)]]
    for name, note in declared_terms().items():
        comment = f"  # {note}" if note else ""
        line = f"    {name}: URIRef{comment}"
        lines.append((line if len(line) <= 100 else f"    {name}: URIRef") + "\n")
    return "".join(lines)


def test_the_python_namespace_is_generated_from_peel_ttl():
    expected = generated_module()
    if os.environ.get("PEELGRAPH_REGENERATE_TERMS"):
        MODULE.write_text(expected, encoding="utf-8")
    assert MODULE.read_text(encoding="utf-8") == expected, (
        "src/peelgraph/peelterms.py is out of date with ontology/peel.ttl: regenerate it "
        "(PEELGRAPH_REGENERATE_TERMS=1 python -m pytest tests/test_peel_terms.py)"
    )


def test_an_undeclared_term_is_an_error():
    assert PEEL.Force == URIRef(NS + "Force")
    with pytest.raises(AttributeError):
        PEEL.evidenceFro  # noqa: B018 - the typo must not mint a term


_USES = [
    (ROOT / "src", "*.py", re.compile(r"\bPEEL\.(\w+)")),
    (ROOT / "src", "*.py", re.compile(r"(?<![\w/#])peel:([A-Za-z_]\w*)")),
    (ROOT / "src", "*.j2", re.compile(r"(?<![\w/#])peel:([A-Za-z_]\w*)")),
    (ROOT / "queries", "*.rq", re.compile(r"(?<![\w/#])peel:([A-Za-z_]\w*)")),
    (ROOT / "ontology", "*.ttl", re.compile(r"(?<![\w/#])peel:([A-Za-z_]\w*)")),
]


def test_every_term_used_is_declared():
    declared = set(declared_terms())
    undeclared = {}
    for folder, pattern, term in _USES:
        for path in folder.rglob(pattern):
            for name in set(term.findall(path.read_text(encoding="utf-8"))) - declared:
                undeclared.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert not undeclared, f"peel: terms used but not declared in ontology/peel.ttl: {undeclared}"
