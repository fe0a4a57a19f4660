"""Reading a user's file into text, with a clear error for anything that is not usable text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_MAX_BYTES

#: Largest input file read by default (bytes); a user can set another limit.


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
    if b"\x00" in data[:65536]:
        raise InputError("file is binary, not text", where=str(doc.path))
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
    controls = [c for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f"]
    if len(controls) > 8:
        raise InputError("file is binary, not text", where=str(doc.path))
    return text.replace("\r\n", "\n").replace("\r", "\n")
