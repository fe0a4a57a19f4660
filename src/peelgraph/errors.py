"""The project's own exceptions.

Library code raises these and never prints or exits; the command line turns them into one
``[ERROR] where: what (hint: how to fix)`` line on stderr and an exit code.
"""

from __future__ import annotations


class PeelgraphError(Exception):
    """Base class of every error peelgraph raises on purpose.

    ``where`` names the file (and line) or address concerned; ``hint`` says how to fix it;
    ``reason`` is a short machine-readable code for why (``no-force``, ``national-page``, ...),
    for scripts and scorecards that sort refusals without parsing the message.
    """

    exit_code = 2
    default_reason: str | None = None

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        hint: str | None = None,
        reason: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint
        self.reason = reason or self.default_reason

    def __str__(self) -> str:
        """The whole diagnostic, so that a Python caller sees the file and the hint too."""
        return self.one_line()

    def one_line(self) -> str:
        """The error as one diagnostic line, without the severity tag."""
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.split())


class InputError(PeelgraphError):
    """A file or folder a user supplied cannot be read: missing, empty, binary, bad encoding."""


class FormatError(InputError):
    """A readable file that is not a PEEL document peelgraph knows how to read.

    Its ``reason`` says which: ``unknown-format`` (the default), ``national-page`` (about all
    forces), ``news-release``, ``no-force`` (no reference force resolved), ``no-year``,
    ``no-framework`` (no question framework for its cycle and pillar), ``no-content`` (a
    title or contents page without the report's text), ``no-grade``, ``no-question``.
    """

    default_reason = "unknown-format"


class DuplicateInputError(InputError):
    """The same document was given twice (same SHA-256)."""


class ReferenceDataError(PeelgraphError):
    """The reference data in ontology/ is missing or inconsistent (a packaging or data bug)."""


class GraphFileError(InputError):
    """A graph file that cannot be parsed."""


class NotConformingError(PeelgraphError):
    """A graph does not conform to the SHACL shapes. Carries the validation report."""

    exit_code = 1

    def __init__(self, message: str, report: object, *, where: str | None = None):
        super().__init__(message, where=where, hint="run 'peelgraph validate' for the full list")
        self.report = report


class OutputError(PeelgraphError):
    """An output cannot be written where asked (exists, equals an input, not writable)."""


class QueryError(PeelgraphError):
    """A saved query or its parameters are wrong: unknown name, unknown or ill-typed parameter."""


class EndpointError(PeelgraphError):
    """A remote SPARQL endpoint is unreachable or answered with an error."""


class StoreError(OutputError):
    """The query store beside a graph file cannot be made, opened or read."""


class PeelgraphWarning(UserWarning):
    """Something a user should know that does not stop the command (a damaged cache entry or
    query store made again, a wait for another writer): the command line prints one
    ``[WARNING]`` line each."""
