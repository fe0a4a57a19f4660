"""Limits on what peelgraph reads (a module of its own, so that the CLI can show them in
``--help`` without importing the extractors)."""

#: The largest input file read by default, in bytes.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

#: The most pages read from one PDF (the longest PEEL report has about 200).
MAX_PDF_PAGES = 2000

#: The most bytes a PDF's compressed streams may inflate to, all together: a "flate bomb"
#: of a few megabytes otherwise takes gigabytes of memory.
MAX_PDF_INFLATED = 512 * 1024 * 1024
