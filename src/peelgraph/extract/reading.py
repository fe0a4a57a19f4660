"""Reading a user's file into text, with a clear error for anything that is not usable text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_MAX_BYTES

#: Bytes that never occur in a text report: NUL and ESC (an escape sequence could retitle or
#: clear a terminal that shows the text), refused wherever they are in the file.
_NEVER_TEXT = re.compile(rb"[\x00\x1b]")
#: Other C0 controls and DEL (tab, line feed, carriage return, form feed and vertical tab are
#: layout). A few stray ones come from word processors; more than :data:`_MAX_STRAY` is binary.
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_STRAY = 8


@dataclass(frozen=True)
class RawDocument:
    path: Path
    data: bytes
    sha256: str

    @property
    def is_pdf(self) -> bool:
        return self.data.startswith(b"%PDF-")


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """The bytes of a file, refusing missing, unreadable, empty and oversized files."""
    if not path.exists():
        raise InputError("no such file", where=str(path), hint="check the path")
    if not path.is_file():
        raise InputError("not a regular file", where=str(path))
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"file is {size:,} bytes, over the limit of {max_bytes:,}",
            where=str(path),
            hint="raise the limit with --max-input-size if the file is genuine",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", where=str(path)) from exc
    if not data.strip():
        raise InputError("file is empty", where=str(path))
    return RawDocument(path, data, hashlib.sha256(data).hexdigest())


def decode_text(doc: RawDocument) -> str:
    """The document as text: UTF-8 (a byte-order mark is allowed), line ends as ``\\n``.

    Binary data and other encodings are refused with the line where decoding failed.
    """
    data = doc.data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "text is UTF-16, not UTF-8", where=str(doc.path), hint="convert it: iconv -t UTF-8"
        )
    _check_controls(doc.path, data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            where=f"{doc.path}:{line}",
            hint="convert the file to UTF-8, e.g. iconv -f latin1 -t UTF-8",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_controls(path: Path, data: bytes) -> None:
    """Refuse a NUL or ESC byte anywhere, or more than a few other control bytes, naming the
    byte offset of the first. One pass over every byte (NUL, ESC and the other C0 controls
    are single bytes in UTF-8, never part of a multi-byte character)."""
    never = _NEVER_TEXT.search(data)
    if never is not None:
        what = "NUL" if data[never.start()] == 0 else "ESC"
        raise InputError(
            f"file is binary, not text: a {what} byte at offset {never.start():,}",
            where=str(path),
        )
    first = _CONTROL.search(data)
    if first is None:
        return
    count = sum(1 for _ in _CONTROL.finditer(data, first.start()))
    if count > _MAX_STRAY:
        raise InputError(
            f"file is binary, not text: {count:,} control bytes, the first "
            f"(0x{data[first.start()]:02x}) at offset {first.start():,}",
            where=str(path),
        )
