"""Every byte of a text input is checked for NUL, ESC and other binary controls, not only the
first 64 KiB (issue 18 point 7); the error names the file and the byte offset."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from peelgraph.errors import InputError
from peelgraph.extract.reading import RawDocument, decode_text

from ..conftest import SEED_FULL

SEED = SEED_FULL.read_bytes()


def doc(data: bytes, name: str = "r.txt") -> RawDocument:
    return RawDocument(Path(name), data, hashlib.sha256(data).hexdigest())


@pytest.mark.parametrize(("byte", "what"), [(b"\x00", "NUL"), (b"\x1b", "ESC")])
def test_a_nul_or_esc_after_the_first_64_kib_is_refused_with_its_offset(byte, what):
    data = SEED * (1 + 70_000 // len(SEED))  # well past 64 KiB
    at = len(data) - 10
    with pytest.raises(InputError) as caught:
        decode_text(doc(data[:at] + byte + data[at:]))
    message = caught.value.message if hasattr(caught.value, "message") else str(caught.value)
    assert f"a {what} byte at offset {at:,}" in message
    assert "r.txt" in str(caught.value)


def test_a_few_stray_controls_are_text_many_are_binary():
    assert "\x07" in decode_text(doc(SEED + b"\x07" * 8))  # a word processor's leftovers
    with pytest.raises(InputError, match=r"9 control bytes, the first \(0x07\) at offset"):
        decode_text(doc(SEED + b"\x07" * 9))
    late = SEED * (1 + 70_000 // len(SEED))
    with pytest.raises(InputError, match="control bytes"):
        decode_text(doc(late + b"\x01\x02" * 10))


def test_layout_controls_and_multibyte_text_are_not_refused():
    text = decode_text(doc("caf\u00e9\tx\fy\vz\r\nend \u2028 \u0085\n".encode() * 1000))
    assert text.count("end") == 1000 and "\r" not in text
