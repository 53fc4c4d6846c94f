"""Keeping Today's summary for the next start, when the app closes (see store.today_summary)."""

from __future__ import annotations

from datetime import timedelta

from brilliance.services.agenda import build_agenda, picture_of
from brilliance.store.codec import folder_is_encrypted
from brilliance.store.read_only import is_read_only
from brilliance.store.store import Store
from brilliance.store.today_summary import (
    DAYS_AHEAD,
    forget_summary,
    summary_bytes,
    write_summary,
)


def keep_today_summary(store: Store) -> bool:
    """Write the summary of Today for the data file as it is on disk; True if written.

    Call it with the folder's lock held, after the last save. Written only when the file on
    disk is exactly what the store holds (nothing unsaved, nothing changed it since it was
    read or written) and the folder is plain: an encrypted one never keeps one (a summary
    already there is removed). Not for a read-only folder or a first run (the welcome screen
    comes first). Raises OSError if the summary cannot be written.
    """
    data_dir = store.data_dir
    if store.codec.encrypted or folder_is_encrypted(data_dir):
        forget_summary(data_dir)
        return False
    if is_read_only(store) or store.first_run:
        return False
    storage = store.storage
    if store.unsaved or storage.changed_on_disk():
        return False  # memory is not the file: a summary of either would be wrong
    data = store.path.read_bytes()
    if storage.changed_on_disk():  # replaced while it was read
        return False
    today = store.clock.today()
    days = [today + timedelta(days=n) for n in range(DAYS_AHEAD)]
    pictures = {day: picture_of(build_agenda(store, day)) for day in days}
    write_summary(data_dir, summary_bytes(data, pictures, store.profile.theme))
    return True
