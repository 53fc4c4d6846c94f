"""Gathering a prep sheet's inputs from the store and the content files (no Textual)."""

from __future__ import annotations

from brilliance import assets
from brilliance.domain.models import Meeting, Person
from brilliance.domain.prep import PrepInputs
from brilliance.domain.seasons import in_season, season_of
from brilliance.store.store import Store


def gather_inputs(
    store: Store,
    person: Person,
    meeting: Meeting | None,
    chosen_questions: list[str] | None = None,
) -> PrepInputs:
    """Everything the prep sheet needs, from the store and the content files."""
    bank = list(assets.questions())
    extra, _problem = assets.user_questions(store.data_dir)
    bank += extra
    return PrepInputs(
        person=person,
        meeting=meeting,
        profile=store.profile,
        people=store.people.all(),
        meetings=store.meetings.all(),
        followups=store.followups.all(),
        events=store.events.all(),
        bank=bank,
        kinds=in_season(
            assets.meeting_kinds(), season_of(store.clock.today(), store.profile.hemisphere)
        ),
        praise=assets.praise(),
        partnership=assets.partnership_questions(),
        today=store.clock.today(),
        chosen_questions=chosen_questions,
        matcher=assets.matcher(),
        templates=assets.question_templates(),
    )
