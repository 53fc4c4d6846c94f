"""The one helper that makes control characters visible (issue 13.8)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brilliance.domain.visible_text import has_controls, visible


def test_escape_sequences_become_visible_symbols() -> None:
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("x\x9by") == "x\ufffdy"
    assert visible("line\nnext\tcol") == "line␊next␉col"
    assert visible("line\nnext\tcol", multiline=True) == "line\nnext\tcol"
    assert visible("a\u2028b\u202ec", multiline=True) == "a␤b\ufffdc"
    assert visible("plain Zoë 王") == "plain Zoë 王"


@given(st.text())
def test_nothing_unsafe_is_left_and_lengths_are_kept(text: str) -> None:
    shown = visible(text)
    assert not has_controls(shown)
    assert "\n" not in shown
    assert len(shown) == len(text)
