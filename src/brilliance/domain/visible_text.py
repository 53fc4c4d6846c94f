"""Making user text safe to show on a terminal: control characters become visible symbols.

A name or a note may hold terminal escape sequences (pasted, imported, or planted in a shared
file): printed raw they could write the clipboard (OSC 52), set the window title, draw fake
links or clear the screen. Every plain-text output and every widget that shows user text
passes it through :func:`visible` first. The data itself is never changed.

- C0 controls and DEL become their Unicode "control pictures" (ESC shows as ␛), so the
  user sees that something odd is there; newlines and tabs are kept only when asked.
- C1 controls (U+0080-U+009F, which some terminals read as escape sequences) become U+FFFD.
- Bidirectional overrides and isolates (which can make text read differently from what it
  holds) and U+2028/U+2029 (line and paragraph separators) become visible marks too.
"""

from __future__ import annotations

import re

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"  # ␡
_C1 = {code: "\ufffd" for code in range(0x80, 0xA0)}
_BIDI = {code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_SEPARATORS = {0x2028: "\u2424", 0x2029: "\u00b6"}  # ␤ and ¶
_TABLE = {**_PICTURES, **_C1, **_BIDI, **_SEPARATORS}
_MULTILINE_TABLE = {k: v for k, v in _TABLE.items() if k not in (0x0A, 0x09)}

CONTROL_PICTURES: dict[int, str] = dict(_MULTILINE_TABLE)
"""Code point -> the visible symbol shown for it (newlines and tabs left out), for
``str.translate``; the TUI puts it into Textual's and Rich's own control-code tables."""

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control character shown as a visible symbol.

    ``multiline`` keeps newlines and tabs (a prep sheet, a note's body); otherwise they too
    become symbols, so that one name can never start a new line of output.
    """
    if not _UNSAFE.search(text):
        return text  # the common case, kept fast
    return text.translate(_MULTILINE_TABLE if multiline else _TABLE)


def has_controls(text: str) -> bool:
    """Whether :func:`visible` would change anything in ``text`` (newlines and tabs aside)."""
    return bool(_UNSAFE.search(text.replace("\n", "").replace("\t", "")))
