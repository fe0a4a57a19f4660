"""The installed package's version, read once from its metadata (a leaf: imports nothing of
peelgraph, so any layer may ask for it)."""

from __future__ import annotations

from functools import cache


@cache
def package_version() -> str:
    """The version of the installed distribution; ``0.0.0+unknown`` in a source tree that
    was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("peelgraph")
    except PackageNotFoundError:
        return "0.0.0+unknown"
