"""The weekly review against the store: gathered once for the Review mode and for
``brilliance review``, saved as a #review journal entry, exported as Markdown.

No Textual here (the command line uses it without loading the UI).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from brilliance import assets
from brilliance.domain.journal import with_text
from brilliance.domain.models import JournalEntry
from brilliance.domain.review import (
    IsoWeek,
    WeeklyReview,
    review_entry_text,
    week_to_review,
)
from brilliance.domain.review_records import ReviewRecords
from brilliance.domain.review_render import render_review_markdown
from brilliance.store.storage import atomic_write
from brilliance.store.store import Store

EXPORTS_DIR = "exports"
_RECORDS: WeakKeyDictionary[Store, tuple[int, ReviewRecords]] = WeakKeyDictionary()


@dataclass(frozen=True)
class ReviewView:
    review: WeeklyReview
    names: dict[str, str]

    @property
    def markdown(self) -> str:
        return render_review_markdown(self.review, self.names)


def current_week(store: Store) -> IsoWeek:
    """The week a review written today looks back on (see the profile's review day)."""
    return week_to_review(store.clock.today(), store.profile.review_day)


def review_records(store: Store) -> ReviewRecords:
    """The records a review reads, indexed once for as long as the store is unchanged (its
    revision grows with every change): a week after that is a few slices (issue 19)."""
    kept = _RECORDS.get(store)
    if kept is not None and kept[0] == store.revision:
        return kept[1]
    records = ReviewRecords(
        store.people.all(),
        store.meetings.all(),
        store.followups.all(),
        store.journal.all(),
        assets.ideas(),
    )
    _RECORDS[store] = (store.revision, records)
    return records


def gather_review(store: Store, week: IsoWeek) -> ReviewView:
    records = review_records(store)
    return ReviewView(records.review(week), records.names)


def existing_entry(store: Store, week: IsoWeek) -> JournalEntry | None:
    """The journal entry holding this week's review, if one is written (the newest)."""
    found = review_records(store).written(week)
    return max(found, key=lambda e: (e.written_at, e.id), default=None)


def written_words(entry: JournalEntry | None) -> str:
    """What I wrote in a review entry, without its heading and the #review tag line."""
    if entry is None:
        return ""
    lines = entry.text.strip().splitlines()
    if lines and lines[0].startswith("# Weekly review"):
        lines = lines[1:]
    if lines and lines[-1].strip() == "#review":
        lines = lines[:-1]
    return "\n".join(lines).strip()


def save_review(store: Store, week: IsoWeek, written: str) -> JournalEntry:
    """Keep what I wrote as this week's #review journal entry (updating it if it exists)."""
    text = review_entry_text(week, written)
    entry = existing_entry(store, week)
    if entry is None:
        now: datetime = store.clock.now()
        entry = JournalEntry(written_at=now, created_at=now, updated_at=now)
    return store.journal.save(with_text(entry, text, store.people.all()))


def export_name(week: IsoWeek) -> str:
    return f"review-{week}.md"


def export_review(store: Store, week: IsoWeek) -> Path:
    """Write the week's review as Markdown into the data folder's exports; return the path."""
    folder = store.data_dir / EXPORTS_DIR
    path = folder / export_name(week)
    folder.mkdir(mode=0o700, exist_ok=True)
    atomic_write(path, gather_review(store, week).markdown.encode("utf-8"))
    return path
