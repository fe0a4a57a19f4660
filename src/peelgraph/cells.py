"""Spreadsheet-safe cells: text that a spreadsheet would run as a formula when the CSV is
opened (OWASP's "CSV injection") gets a leading apostrophe. A leaf module, so that ``query run
-f csv`` neutralises its cells without importing the export package."""

from __future__ import annotations

import re

#: What a spreadsheet takes for the start of a formula (OWASP's list): a cell starting so
#: is run when the file is opened, unless it is a number.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """A cell a spreadsheet will show, not run: text starting as a formula gets a leading
    apostrophe (the spreadsheet convention for "this is text"); numbers are left alone."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value
