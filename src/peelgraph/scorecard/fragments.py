"""Pages kept as fragments: a file holds one or more, each opening with a ``# source:`` line.

A fragment's header lines (``# source: <address>`` and the ``# <note>`` lines after it) are
the collector's, not the page's: :func:`read_fragments` splits a file on its ``# source:``
lines and keeps the header apart from the page text, which is what the extractor reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SOURCE_PREFIX = "# source:"


@dataclass(frozen=True)
class Fragment:
    """One page (or the part of it that was kept) and where it came from."""

    file: str  # the file's name in its folder
    number: int  # 1-based, in the order of the file
    source: str  # the page's public address
    note: str  # what the fragment is and where it was cut
    text: str  # the page text, header lines left out

    @property
    def key(self) -> str:
        return f"{self.file}#{self.number}"


def split_fragments(name: str, content: str) -> list[Fragment]:
    """The fragments of one file's text (an error if it has no ``# source:`` line first)."""
    lines = content.replace("\r\n", "\n").split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(SOURCE_PREFIX)]
    if not starts or any(line.strip() for line in lines[: starts[0]]):
        raise InputError(
            "does not open with a '# source: <address>' line",
            where=f"{name}:1",
            hint="every fragment starts with its '# source:' line",
        )
    fragments = []
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(lines)], strict=True)):
        block = lines[start:end]
        source = block[0][len(SOURCE_PREFIX) :].strip()
        notes = []
        body = 1
        while body < len(block) and block[body].startswith("# "):
            notes.append(block[body][2:].strip())
            body += 1
        text = "\n".join(block[body:]).strip("\n") + "\n"
        fragments.append(Fragment(name, number + 1, source, " ".join(notes), text))
    return fragments


def read_fragments(folder: Path) -> list[Fragment]:
    """Every fragment of every ``.txt`` file in ``folder``, files in name order."""
    if not folder.is_dir():
        raise InputError("is not a folder", where=str(folder))
    fragments = []
    for path in sorted(folder.glob("*.txt")):
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot be read as UTF-8 text: {exc}", where=str(path)) from exc
        fragments.extend(split_fragments(path.name, content))
    if not fragments:
        raise InputError("holds no page fragments (*.txt)", where=str(folder))
    return fragments
