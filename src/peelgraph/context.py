"""The build context: everything a run takes from its options and the reference data, made
once and passed down explicitly.

A :class:`BuildContext` names the extra reference files (``--reference``) and the SHACL engine
(``--validator``); from them it reads, on first use, the reference graph, the plain
:class:`~peelgraph.vocab.Vocabulary` extraction uses, the shapes (compiled once for the fast
engine) and the cache fingerprint. It is immutable: there is no process-wide setting to
change, and two contexts (two reference sets, two engines) live side by side. Worker
processes get the context with each task; it travels as its two arguments and is read again
once per process (:func:`context_for` remembers the contexts a process has made).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PeelgraphError, ReferenceDataError
from .resources import ontology_dir

if TYPE_CHECKING:
    from rdflib import Graph

    from .vocab import Vocabulary

#: The SHACL engines: pyshacl-turbo (the default, compiled shapes) and pySHACL (reference).
ENGINES = ("turbo", "pyshacl")
DEFAULT_ENGINE = "turbo"
#: The shapes of the cross-report graph.
LINK_SHAPES = ("LinkShape", "PartnershipShape")
#: A shape and a path whose values one node holds by the thousand (a partner link's evidence:
#: every item that names the partner). Its constraints on that path are checked per value
#: (and ``sh:minCount`` at most 1), so :mod:`peelgraph.validate` checks those values in
#: batches; pyshacl-turbo takes time quadratic in the values of one node and one path.
FANOUT_SHAPE = ("PartnerLinkShape", "https://w3id.org/peelgraph/ontology#evidence")
#: The classes of the items a report holds by the thousand (areas for improvement): past
#: :data:`peelgraph.validate.ITEM_BATCH` of them, :mod:`peelgraph.validate` checks them in
#: batches, each item with the nodes under its IRI (its spans and their selectors) and the
#: nodes it touches; pyshacl-turbo's time grows faster than the triples of one graph.
BATCHED_CLASSES = ("https://w3id.org/peelgraph/ontology#AreaForImprovement",)

#: The parts of the package whose change changes what a build produces: its code, templates
#: and packaged data (for the cache fingerprint).
_CODE_SUFFIXES = (".py", ".j2", ".ttl", ".rq", ".jsonld")


@dataclass(frozen=True)
class BuildContext:
    """The reference data and engines of one run (see the module docstring)."""

    extra_reference: tuple[Path, ...] = ()
    engine: str = DEFAULT_ENGINE

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise PeelgraphError(
                f"unknown validator (SHACL engine) {self.engine!r}",
                hint="use " + " or ".join(ENGINES),
            )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # a worker process gets the two arguments and reads the data once (context_for)
        return (context_for, (self.extra_reference, self.engine))

    @classmethod
    def from_options(
        cls, reference: Iterable[Path] | None = None, engine: str = DEFAULT_ENGINE
    ) -> BuildContext:
        """A context from command-line options: ``reference`` files or folders of ``.ttl``
        (each checked to parse, and the whole to load, with errors naming the files)."""
        from .reference import reference_files_of

        files = tuple(f.resolve() for f in reference_files_of(reference or ()))
        context = context_for(files, engine)
        if files:
            try:
                context.vocabulary  # noqa: B018 - loading it is the check
            except ReferenceDataError as exc:
                named = ", ".join(str(f) for f in files)
                raise ReferenceDataError(
                    f"{named}: the reference data does not load: {exc.message}"
                ) from exc
        return context

    def with_engine(self, engine: str) -> BuildContext:
        """The same reference data with another SHACL engine."""
        return context_for(self.extra_reference, engine)

    @cached_property
    def reference_graph(self) -> Graph:
        """The reference graph: every packaged ``ontology/*.ttl`` but the shapes, then the
        extra files. Shared by everything that uses this context: never modify it."""
        from .reference import read_reference_graph

        return read_reference_graph(self.extra_reference)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The reference data as the plain objects extraction uses."""
        from .reference import vocabulary_of

        return vocabulary_of(self.reference_graph)

    @cached_property
    def reference_ntriples(self) -> str:
        """The reference graph as N-Triples (what each report graph is validated with)."""
        return str(self.reference_graph.serialize(format="nt"))

    @cached_property
    def reference_nquads(self) -> bytes:
        """The reference graph as sorted N-Quads in its named graph."""
        from .graphio import ntriples_to_nquads
        from .iris import REFERENCE_GRAPH

        return ntriples_to_nquads(self.reference_ntriples, str(REFERENCE_GRAPH))

    @cached_property
    def shapes(self) -> Graph:
        """The SHACL shapes of ``ontology/shapes.ttl``."""
        from .reference import read_shapes

        return read_shapes()

    @cached_property
    def link_shapes(self) -> Graph:
        """The shapes of the cross-report graph (follow-up links and partnerships) alone."""
        from rdflib import Graph, URIRef

        subset = Graph()
        for name in LINK_SHAPES:
            for triple in self.shapes.cbd(URIRef(f"https://w3id.org/peelgraph/shapes#{name}")):
                subset.add(triple)
        return subset

    @cached_property
    def fanout_shapes(self) -> Graph:
        """The constraints of :data:`FANOUT_SHAPE` on its path alone, on the same targets."""
        from rdflib import Graph, URIRef
        from rdflib.namespace import RDF, SH

        name, path = FANOUT_SHAPE
        shape = URIRef(f"https://w3id.org/peelgraph/shapes#{name}")
        subset = Graph()
        for p in (RDF.type, SH.targetClass):
            for o in self.shapes.objects(shape, p):
                subset.add((shape, p, o))
        for prop in self.shapes.objects(shape, SH.property):
            if self.shapes.value(prop, SH.path) == URIRef(path):
                subset.add((shape, SH.property, prop))
                for triple in self.shapes.cbd(prop):
                    subset.add(triple)
        return subset

    @cached_property
    def compiled_fanout_shapes(self) -> Any:
        """:attr:`fanout_shapes` compiled for pyshacl-turbo."""
        from pyshacl_turbo import compile_shapes

        return compile_shapes(self.fanout_shapes, advanced=True)

    @cached_property
    def compiled_shapes(self) -> Any:
        """Every shape compiled for pyshacl-turbo (once per context)."""
        from pyshacl_turbo import compile_shapes

        return compile_shapes(self.shapes, advanced=True)

    @cached_property
    def compiled_link_shapes(self) -> Any:
        """The cross-report shapes compiled for pyshacl-turbo."""
        from pyshacl_turbo import compile_shapes

        return compile_shapes(self.link_shapes, advanced=True)

    @cached_property
    def fingerprint(self) -> str:
        """What cached results depend on: the package's code and packaged data, the extra
        reference files and the engine (16 hex digits)."""
        digest = hashlib.sha256(self.engine.encode())
        digest.update(code_digest().encode())
        for item in [*sorted(ontology_dir().iterdir(), key=lambda f: f.name)]:
            if item.is_file():
                digest.update(item.name.encode() + b"\0" + item.read_bytes())
        for path in self.extra_reference:
            try:
                digest.update(str(path).encode() + b"\0" + path.read_bytes())
            except OSError as exc:
                raise ReferenceDataError(f"{path} cannot be read: {exc.strerror}") from exc
        return digest.hexdigest()[:16]


@lru_cache(maxsize=8)
def context_for(
    extra_reference: tuple[Path, ...] = (), engine: str = DEFAULT_ENGINE
) -> BuildContext:
    """The context of these arguments, made once per process (a worker process that gets a
    context with every task reads the reference data once)."""
    return BuildContext(tuple(extra_reference), engine)


def default_context() -> BuildContext:
    """The packaged reference data with the default engine."""
    return context_for((), DEFAULT_ENGINE)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 of the package's own files (code, templates, packaged data), so that a cached
    result made by other code is never taken for this code's."""
    root = resources.files("peelgraph")
    digest = hashlib.sha256()
    for path in sorted(_package_files(Path(str(root))), key=lambda p: p.as_posix()):
        digest.update(path.relative_to(Path(str(root))).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _package_files(root: Path) -> list[Path]:
    return [
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts
    ]
