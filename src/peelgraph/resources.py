"""Where the packaged data lives: ``ontology/`` and ``queries/``.

An installed wheel carries them under ``peelgraph/_resources/``; a source checkout (or an
editable install) reads them from the top of the repository. Nothing reads them through the
working directory.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import ReferenceDataError

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def _folder(name: str) -> Traversable:
    packaged = resources.files("peelgraph") / "_resources" / name
    if packaged.is_dir():
        return packaged
    in_source = _SOURCE_ROOT / name
    if in_source.is_dir():
        return in_source
    raise ReferenceDataError(
        f"the {name}/ folder is missing from this installation",
        hint="reinstall peelgraph; a wheel must carry peelgraph/_resources/" + name,
    )


def ontology_dir() -> Traversable:
    """The folder of Turtle files: ontology, reference schemes, shapes, JSON-LD context."""
    return _folder("ontology")


def queries_dir() -> Traversable:
    """The folder of saved SPARQL queries (``*.rq``)."""
    return _folder("queries")


def ontology_file(name: str) -> Traversable:
    """One file of ``ontology/`` by name; raises ReferenceDataError if it is missing."""
    item = ontology_dir() / name
    if not item.is_file():
        raise ReferenceDataError(f"ontology/{name} is missing from this installation")
    return item


SHAPES_FILE = "shapes.ttl"


def packaged_reference_files() -> list[Traversable]:
    """Every Turtle file of ``ontology/`` that belongs in the reference graph (not the shapes)."""
    files = [
        f for f in ontology_dir().iterdir() if f.name.endswith(".ttl") and f.name != SHAPES_FILE
    ]
    return sorted(files, key=lambda f: f.name)
