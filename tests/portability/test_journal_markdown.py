"""The journal as Markdown reads back to the same entries."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brilliance.domain.models import JournalEntry
from brilliance.portability.journal_markdown import (
    MarkdownJournalError,
    parse_markdown,
    render_markdown,
    trim_blank_lines,
)

line = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
body = st.lists(line, min_size=1, max_size=6).map("\n".join).map(lambda t: t.strip("\n"))
moment = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


@given(st.lists(st.tuples(moment, body, line.map(lambda s: " ".join(s.split()))), max_size=6))
def test_round_trip(items: list[tuple[datetime, str, str]]) -> None:
    entries = [JournalEntry(written_at=w, text=t, prompt=p) for w, t, p in items]
    parsed = parse_markdown(render_markdown(entries))
    expected = sorted(entries, key=lambda e: (e.written_at, e.id))
    assert [(p.written_at, p.text, p.prompt) for p in parsed] == [
        (e.written_at, trim_blank_lines(e.text), e.prompt) for e in expected
    ]


def test_format_is_readable() -> None:
    text = render_markdown(
        [
            JournalEntry(
                written_at=datetime(2026, 11, 24, 9, 30),
                text="# Not a heading\nLunch with @Ana Lima about her #launch",
                prompt="Who did I thank today?",
            )
        ]
    )
    assert text.splitlines() == [
        "# Brilliance journal",
        "",
        "## 2026-11-24",
        "",
        "### 09:30",
        "",
        "> Prompt: Who did I thank today?",
        "",
        "\\# Not a heading",
        "Lunch with @Ana Lima about her #launch",
    ]


def test_errors_name_the_line() -> None:
    with pytest.raises(MarkdownJournalError, match="line 1"):
        parse_markdown("### 09:30\ntext")
    with pytest.raises(MarkdownJournalError, match="line 3"):
        parse_markdown("## 2026-11-24\n\n### 25:00\n")


def test_text_that_looks_like_a_prompt_stays_text() -> None:
    entries = [JournalEntry(written_at=datetime(2026, 1, 1, 8), text="> Prompt: mine\nmore")]
    (parsed,) = parse_markdown(render_markdown(entries))
    assert (parsed.prompt, parsed.text) == ("", "> Prompt: mine\nmore")
