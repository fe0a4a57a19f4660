"""Files sealed with a key private to the user: what every cache of peelgraph writes.

An entry is a line naming the format, a line with the entry's key (what it is named by), a
line with an HMAC-SHA256 seal of the key and the body under the user's key, then the body
(MessagePack through ``msgspec``, decoded with type checks: never pickle or any format that
runs code on load). An entry edited, truncated or planted by anyone who can write where it
is kept fails its check: a miss, with a warning, never an error. The key is kept in the
user's own cache directory (mode 0600), not beside the entries.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path
from typing import TypeVar

import msgspec

_KEY_ENV = "PEELGRAPH_CACHE_KEY_DIR"
_T = TypeVar("_T")

#: The first line of every entry file: the format (MessagePack body after a key and a seal).
MAGIC = b"peelgraph-cache msgpack 1\n"
#: The suffix of entry files (an entry of the older JSON format is never read: a miss).
SUFFIX = ".mpk"


def _key_path() -> Path:
    return Path(os.environ.get(_KEY_ENV) or _user_cache_dir()) / "cache-key"


def kept_user_key() -> bytes | None:
    """:func:`user_key` if it is kept for later runs; None where it cannot be kept (then
    what it seals could never be read again)."""
    key = user_key()
    try:
        return key if _key_path().read_bytes() == key else None
    except OSError:
        return None


def user_key() -> bytes:
    """The secret that seals cache entries: 32 random bytes in the user's cache directory
    (``PEELGRAPH_CACHE_KEY_DIR`` overrides where), made on first use with mode 0600. Where
    it cannot be kept, a key for this process only (the cache then lasts one run)."""
    path = _key_path()
    folder = path.parent
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return data
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".cache-key.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        os.chmod(tmp, 0o600)
        try:
            # never replace a key: of builds that start at once, the first key made wins
            # and the others read it (else each would seal with its own, and refuse the rest)
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
        data = path.read_bytes()
    except OSError:
        return key
    return data if len(data) == 32 else key


def _user_cache_dir() -> str:
    from platformdirs import user_cache_dir

    return user_cache_dir("peelgraph", appauthor=False)


class Sealing:
    """Reading and writing entries sealed with the user's key (``_key``)."""

    _key: bytes
    warnings: list[str]

    def _mac(self, key: str, body: bytes | memoryview) -> str:
        mac = hmac.new(self._key, key.encode() + b"\0", hashlib.sha256)
        mac.update(body)  # (not joined to the key: a large entry's body is never copied)
        return mac.hexdigest()

    def _read(self, path: Path, key: str) -> memoryview | None:
        """The body of the entry at ``path`` if its key is ``key`` and its seal holds (a
        view of the file's bytes, not a copy); else None, with a warning."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.warnings.append(f"{path}: unreadable cache entry ignored; rebuilt")
            return None
        head = len(MAGIC)
        key_end = data.find(b"\n", head, head + 200)
        mac_end = data.find(b"\n", key_end + 1, key_end + 200) if key_end > 0 else -1
        if not data.startswith(MAGIC) or mac_end < 0:
            self.warnings.append(f"{path}: unreadable cache entry ignored; rebuilt")
            return None
        body = memoryview(data)[mac_end + 1 :]
        mac = data[key_end + 1 : mac_end]
        if data[head:key_end] != key.encode() or not hmac.compare_digest(
            mac, self._mac(key, body).encode()
        ):
            self.warnings.append(
                f"{path}: cache entry fails its check (edited?); ignored and rebuilt"
            )
            return None
        return body

    def _decode(self, path: Path, key: str, kind: type[_T]) -> _T | None:
        """The entry at ``path`` decoded as ``kind`` (checked), or None: a miss, with a
        warning unless there is no such entry."""
        body = self._read(path, key)
        if body is None:
            return None
        try:
            return msgspec.msgpack.decode(body, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError):
            self.warnings.append(f"{key}: cache entry of another shape ignored; rebuilt")
            return None

    def _write(self, path: Path, key: str, value: object) -> None:
        body = msgspec.msgpack.encode(value)
        head = MAGIC + key.encode() + b"\n" + self._mac(key, body).encode() + b"\n"
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(head)
                handle.write(body)
            os.replace(tmp, path)
        except OSError as exc:
            self.warnings.append(f"{path}: not cached ({exc.strerror})")
