"""Writing user text into files other programs read: spreadsheets and Markdown viewers.

- CSV: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
  formula to a spreadsheet, which would run it ("formula injection"). As OWASP recommends,
  such a cell is written with a ``'`` in front (and every cell is quoted); the CSV import
  takes the ``'`` off again, so a round trip gives back exactly what was written.
- Markdown: text that looks like a heading, a link, a list or HTML is backslash-escaped, and
  characters that a viewer would take as a line break (``\\r``, form feed, U+2028...) are
  shown as visible symbols, so that a page cannot be forged by what a field holds.
"""

from __future__ import annotations

import re

from brilliance.domain.visible_text import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _needs_quote(cell: str) -> bool:
    # A cell that starts with quotes before a formula character needs one more, so that the
    # import's "take one quote off" gives back exactly the original.
    stripped = cell.lstrip(QUOTE)
    return stripped.startswith(FORMULA_STARTS)


def neutralise_cell(cell: str) -> str:
    """The cell as written to CSV: a ``'`` in front when a spreadsheet would run it."""
    return QUOTE + cell if _needs_quote(cell) else cell


def restore_cell(cell: str) -> str:
    """Undo :func:`neutralise_cell` (for cells read from our own, or any, CSV)."""
    if cell.startswith(QUOTE) and _needs_quote(cell[1:]):
        return cell[1:]
    return cell


_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>:]|\d+[.)])")


def markdown_line(text: str) -> str:
    """One line of user text, safe as Markdown: it can neither start a new line nor a
    heading, list, quote, link, image or HTML tag."""
    safe = _MD_INLINE.sub(r"\\\1", visible(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), safe)


def markdown_block(text: str) -> str:
    """Several lines of user text, each made safe by :func:`markdown_line`. Only ``\\n``
    separates lines; every other line-breaking character is shown as a symbol."""
    return "\n".join(markdown_line(line) for line in text.split("\n"))
