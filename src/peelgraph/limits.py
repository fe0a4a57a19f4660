"""Limits on what peelgraph reads (a module of its own, so that the CLI can show them in
``--help`` without importing the extractors)."""

#: The largest input file read by default, in bytes.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
