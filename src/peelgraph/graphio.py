"""Reading and writing graph files: formats by suffix, atomic writes, refusal to clobber."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox

from .errors import GraphFileError, OutputError
from .rdfnames import NAMESPACES, RDFLIB_DEFAULT_GRAPH, WRITER_PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
# rdflib (and peelgraph.iris, which needs it) are imported by the functions that use them: a
# query answered from the store never does, and importing rdflib costs about 40 ms of CPU.

#: rdflib format names by file suffix.
FORMATS = {
    ".trig": "trig",
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
QUAD_FORMATS = {"trig", "nquads", "json-ld"}


def format_by_suffix(path: Path, formats: dict[str, str], what: str, hint: str) -> str:
    """The format ``formats`` gives the suffix of ``path`` (any case); an unknown suffix is
    an :class:`OutputError` naming ``what`` kind of format was wanted."""
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(
            f"cannot tell the {what} format from the suffix {path.suffix!r}",
            where=str(path),
            hint=hint,
        )
    return fmt


def format_for(path: Path, explicit: str | None = None) -> str:
    """The rdflib format of a path, from an explicit name or the suffix."""
    if explicit:
        return explicit
    return format_by_suffix(path, FORMATS, "RDF", "use one of " + ", ".join(sorted(FORMATS)))


def input_format(path: Path, fmt: str | None = None) -> str:
    """The rdflib format of a graph file to read, once it is known to exist and not be empty."""
    if not path.is_file():
        raise GraphFileError("no such file", where=str(path))
    if path.stat().st_size == 0:
        raise GraphFileError("file is empty", where=str(path))
    try:
        return format_for(path, fmt)
    except OutputError as exc:
        raise GraphFileError(exc.message, where=str(path), hint=exc.hint) from exc


#: The formats Oxigraph's parser reads for :func:`read_graph_triples` (JSON-LD goes through
#: rdflib with the packaged context only).
NATIVE_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
}
NATIVE_QUAD_FORMATS = {k: v for k, v in NATIVE_FORMATS.items() if v.supports_datasets}
#: The name under which :func:`read_graph_triples` gives the default graph's triples.
DEFAULT_GRAPH = RDFLIB_DEFAULT_GRAPH


def read_graph_triples(path: Path, fmt: str | None = None) -> dict[str, list[ox.Triple]]:
    """The triples of each graph of a graph file, by graph name (the default graph, which
    holds everything a triple format such as Turtle holds, under :data:`DEFAULT_GRAPH`).
    TriG, N-Quads, Turtle and N-Triples are read with Oxigraph's parser: literals stay as
    written, and a corpus takes a fraction of the time and memory of an rdflib Dataset."""
    rdf_format = input_format(path, fmt)
    if rdf_format not in NATIVE_FORMATS:
        return dataset_triples(load_dataset(path, rdf_format))
    graphs: dict[str, list[ox.Triple]] = {}
    try:
        for quad in ox.parse(path=str(path), format=NATIVE_FORMATS[rdf_format]):
            name = quad.graph_name
            key = name.value if isinstance(name, ox.NamedNode) else DEFAULT_GRAPH
            graphs.setdefault(key, []).append(quad.triple)
    except (SyntaxError, ValueError, UnicodeError) as exc:
        detail = " ".join(str(exc).split())[:300]
        raise GraphFileError(f"cannot parse as {rdf_format}: {detail}", where=str(path)) from exc
    except OSError as exc:
        raise GraphFileError(f"cannot read: {exc.strerror or exc}", where=str(path)) from exc
    return graphs


def dataset_triples(ds: object) -> dict[str, list[ox.Triple]]:
    """The triples of each graph of an rdflib Dataset (or of a Graph, as the default graph),
    by graph name, as :func:`read_graph_triples` gives them."""
    from rdflib import Dataset, Graph

    if not isinstance(ds, Dataset):
        assert isinstance(ds, Graph)
        data = ds.serialize(format="nt", encoding="utf-8")
        return {DEFAULT_GRAPH: [t for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]}
    graphs: dict[str, list[ox.Triple]] = {}
    data = ds.serialize(format="nquads", encoding="utf-8")
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else DEFAULT_GRAPH
        graphs.setdefault(key, []).append(quad.triple)
    return graphs


def _serialize(items: Iterable[Any], format: ox.RdfFormat, **options: Any) -> bytes:
    """pyoxigraph's writer to bytes (``ox.serialize`` with no output never returns None)."""
    data = ox.serialize(items, format=format, **options)
    assert data is not None
    return data


def ntriples_of(triples: Iterable[ox.Triple]) -> str:
    """Triples as N-Triples text."""
    return _serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def ntriples_to_nquads(ntriples: str, graph: str) -> bytes:
    """N-Triples text as sorted N-Quads in the named graph ``graph``, through Oxigraph's
    parser and writer (never by cutting the text given: a literal may hold any character).

    The triples are written back as Oxigraph's own N-Triples, where every line ends with
    `` .`` and a line break never occurs inside one (it is escaped in a literal), so naming
    the graph before each line's end is exact, and costs no quad object per triple."""
    name = ox.NamedNode(graph)
    text = _serialize(
        ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES),
        format=ox.RdfFormat.N_TRIPLES,
    )
    lines = text.replace(b" .\n", f" {name} .\n".encode()).split(b"\n")
    del text  # each copy freed as soon as the next is made: at 1.2 million triples the
    lines.sort()  # text, the lines and the result are about 400 MB each
    # sorted, then each line once (sorting the lines in the order written is several times
    # faster than sorting a set of them: at 1.2 million lines, 0.2 s against 1.7 s)
    lines = [line for before, line in zip([b"", *lines], lines, strict=False) if line != before]
    return b"\n".join(lines) + b"\n" if lines else b""


def union_graph(ds: Dataset | Graph) -> Graph:
    """All triples of a Dataset (or the Graph itself) in one Graph."""
    from rdflib import Dataset, Graph

    if not isinstance(ds, Dataset):
        return ds
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def load_dataset(path: Path, fmt: str | None = None) -> Dataset:
    """Parse a graph file (any format of :data:`FORMATS`) into a Dataset."""
    from rdflib import Dataset

    from . import iris

    rdf_format = input_format(path, fmt)
    ds = Dataset()
    for prefix, namespace in iris.PREFIXES.items():
        ds.bind(prefix, namespace)
    try:
        if rdf_format == "json-ld":
            ds.parse(data=offline_jsonld(path), format="json-ld")
        elif rdf_format in QUAD_FORMATS:
            ds.parse(path, format=rdf_format)
        else:
            ds.default_graph.parse(path, format=rdf_format)
    except GraphFileError:
        raise
    except Exception as exc:  # rdflib raises many types for malformed input
        detail = " ".join(str(exc).split())[:300]
        raise GraphFileError(f"cannot parse as {rdf_format}: {detail}", where=str(path)) from exc
    return ds


#: The published JSON-LD context (``export --link-context`` names it) and its packaged copy.
JSONLD_CONTEXT_URL = "https://w3id.org/peelgraph/ontology/context-v1.jsonld"
JSONLD_CONTEXT_FILE = "context-v1.jsonld"


def offline_jsonld(path: Path) -> str:
    """A JSON-LD file's text with every ``@context`` made local, so that rdflib's parser
    fetches nothing: peelgraph's published context becomes its packaged copy, and any other
    remote or relative context (or ``@import``) is an error naming it."""
    return offline_jsonld_text(path.read_bytes(), str(path))


def offline_jsonld_text(data: bytes | str, where: str) -> str:
    """:func:`offline_jsonld` of a document's bytes or text (``where`` names it in errors)."""
    import json

    from .resources import ontology_file

    try:
        doc = json.loads(data)
    except (ValueError, UnicodeError) as exc:
        raise GraphFileError(f"not JSON: {exc}", where=where) from exc
    packaged = None

    def local(value: object) -> object:
        nonlocal packaged
        if isinstance(value, list):
            return [local(v) for v in value]
        if isinstance(value, str):
            if value != JSONLD_CONTEXT_URL:
                raise GraphFileError(
                    f"names a remote JSON-LD context ({value}); peelgraph fetches nothing",
                    where=where,
                    hint="embed the context in the file",
                )
            if packaged is None:
                text = ontology_file(JSONLD_CONTEXT_FILE).read_text(encoding="utf-8")
                packaged = json.loads(text)["@context"]
            return packaged
        if isinstance(value, dict) and "@import" in value:
            raise GraphFileError("a JSON-LD context with @import; peelgraph fetches nothing",
                                 where=where)  # fmt: skip
        return walk(value)

    def walk(node: object) -> object:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if isinstance(node, dict):
            return {k: local(v) if k == "@context" else walk(v) for k, v in node.items()}
        return node

    return json.dumps(walk(doc))


def check_output(output: Path, inputs: list[Path], overwrite: bool) -> None:
    """Refuse an output that is an input, or that exists when overwriting was not asked for."""
    resolved = output.resolve()
    for source in inputs:
        if source.resolve() == resolved:
            raise OutputError("the output is one of the inputs", where=str(output))
    if output.exists() and not overwrite:
        raise OutputError("output exists", where=str(output), hint="pass --overwrite to replace it")
    if output.exists() and output.is_dir():
        raise OutputError("output is a folder", where=str(output))


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary handle on a temporary file beside ``path``, renamed into place when the
    block ends without an error (and removed if it does not)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_error(path: Path, exc: OSError) -> OutputError:
    """An output that could not be written (read-only folder, full disk...) as one line."""
    import errno

    reason = exc.strerror or str(exc) or type(exc).__name__
    hint = {
        errno.ENOSPC: "free some disk space or write elsewhere",
        errno.EDQUOT: "free some disk space or write elsewhere",
        errno.EACCES: "check the folder's permissions or write elsewhere",
        errno.EPERM: "check the folder's permissions or write elsewhere",
        errno.EROFS: "the file system is read-only: write elsewhere",
    }.get(exc.errno or 0, "check the path")
    return OutputError(f"cannot write: {reason}; nothing was written", where=str(path),
                       hint=hint)  # fmt: skip


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path`` and rename it into place."""
    with atomic_writer(path) as handle:
        handle.write(data)


@lru_cache(maxsize=1)
def _trig_header() -> bytes:
    """The prefix declarations pyoxigraph writes at the top of a TriG document."""
    node = ox.NamedNode(NAMESPACES["peel"])
    probe = ox.Quad(node, node, node, node)
    text = _serialize([probe], format=ox.RdfFormat.TRIG, prefixes=WRITER_PREFIXES)
    lines = text.splitlines(keepends=True)
    return b"".join(line for line in lines if line.startswith(b"@prefix "))


def trig_block(nquads: bytes) -> bytes:
    """One named graph's N-Quads as a TriG block, without the prefix declarations that
    :func:`write_trig` puts once at the top: a build serialises each report's block once
    (in parallel, then from its cache) and writes the file by joining them."""
    text = _serialize(
        ox.parse(nquads, format=ox.RdfFormat.N_QUADS),
        format=ox.RdfFormat.TRIG,
        prefixes=WRITER_PREFIXES,
    )
    header = _trig_header()
    if not text.startswith(header):  # pragma: no cover - a pyoxigraph that writes otherwise
        raise GraphFileError("pyoxigraph wrote an unexpected TriG header")
    return text[len(header) :]


def write_trig(path: Path, blocks: Iterable[bytes]) -> None:
    """A TriG file of :func:`trig_block` blocks, in the order given."""
    with atomic_writer(path) as handle:
        handle.write(_trig_header())
        for block in blocks:
            handle.write(block)


def write_graphs(path: Path, graphs: Iterable[bytes], fmt: str) -> None:
    """Write named graphs, each given as its own sorted N-Quads and in graph order, as one
    file of ``fmt``. N-Quads and TriG go one graph at a time (a corpus never sits in memory
    as one parsed dataset); other formats go through :func:`serialise_nquads`."""
    if fmt == "nquads":
        with atomic_writer(path) as handle:
            for chunk in graphs:
                handle.write(chunk)
    elif fmt == "trig":
        write_trig(path, (trig_block(chunk) for chunk in graphs))
    else:
        write_atomic(path, serialise_nquads(b"".join(graphs), fmt))


#: Formats written through pyoxigraph: fast, and sorted so that output is byte-stable.
_OXIGRAPH_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
}


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def serialise_nquads(nquads: bytes, fmt: str) -> bytes:
    """N-Quads as bytes of another format: quads sorted, peelgraph's prefixes declared.

    Triple formats (Turtle, N-Triples) get the union of all graphs, each triple once.
    """
    target = _OXIGRAPH_FORMATS.get(fmt)
    if target is None:
        return serialise(nquads_dataset(nquads), fmt)
    quads = sorted(set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)), key=_sort_key)
    prefixes = WRITER_PREFIXES
    if target.supports_datasets:
        return _serialize(quads, format=target, prefixes=prefixes)
    triples = sorted(
        {q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
    )
    return _serialize(triples, format=target, prefixes=prefixes)


def nquads_dataset(nquads: bytes) -> Dataset:
    """N-Quads parsed into an rdflib Dataset with peelgraph's prefixes bound."""
    from rdflib import Dataset

    from . import iris

    ds = Dataset()
    for prefix, namespace in iris.PREFIXES.items():
        ds.bind(prefix, namespace)
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    return ds


def serialise(ds: Dataset, fmt: str) -> bytes:
    """A Dataset as bytes: quads for quad formats, the union of its graphs otherwise."""
    if fmt in _OXIGRAPH_FORMATS:
        data = ds.serialize(format="nquads", encoding="utf-8")
        return serialise_nquads(data if isinstance(data, bytes) else data.encode(), fmt)
    if fmt in QUAD_FORMATS:
        data = ds.serialize(format=fmt, encoding="utf-8")
    else:
        from rdflib import Graph

        from . import iris

        union = Graph()
        for prefix, namespace in iris.PREFIXES.items():
            union.bind(prefix, namespace)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        data = union.serialize(format=fmt, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")
