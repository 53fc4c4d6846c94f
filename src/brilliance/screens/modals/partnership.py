"""The seven questions before committing to a partner, with an answer and a note each."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, Static

from brilliance.domain.acquaintances import ACCESS_QUESTIONS
from brilliance.domain.content import PartnershipQuestion
from brilliance.domain.models import Answer, PartnershipAnswer, Person, updated
from brilliance.screens.modals.form_base import FormScreen

CHOICES = [("yes", Answer.YES), ("no", Answer.NO), ("unsure", Answer.UNSURE)]


class PartnershipScreen(FormScreen[Person]):
    """Returns the person with their partnership review updated."""

    HINT_TEXT = "Answer each honestly; notes are for you. ctrl+s saves, escape cancels."

    def __init__(
        self,
        person: Person,
        questions: list[PartnershipQuestion],
        known: Sequence[Person] = (),
    ) -> None:
        super().__init__()
        self.person = person
        self.questions = questions
        self.known = known
        """Whom they know in my network: shown with the questions about their relationships."""

    def title_text(self) -> str:
        return f"Before partnering with {self.person.name}"

    def fields(self) -> ComposeResult:
        review = self.person.partnership_review
        for number, question in enumerate(self.questions, start=1):
            current = review.get(question.key, PartnershipAnswer())
            yield Label(f"{number}. {question.text}", classes="label")
            yield Static(question.hint, classes="hint", markup=False)
            if question.key in ACCESS_QUESTIONS:
                names = ", ".join(p.name for p in self.known)
                yield Static(
                    f"They know {names} in your network."
                    if names
                    else "No one in your network is noted as knowing them yet (d on their page).",
                    classes="hint",
                    markup=False,
                )
            with Horizontal(classes="row"):
                yield Select[Answer](
                    CHOICES,
                    value=current.answer if current.answer else Select.NULL,
                    prompt="answer",
                    id=f"answer-{question.key}",
                    compact=True,
                )
                yield Input(
                    current.note, placeholder="note", id=f"note-{question.key}", compact=True
                )

    def on_mount(self) -> None:
        # Keys work at once: the first answer has focus (the dialog used to open with none).
        if self.questions:
            self.query_one(f"#answer-{self.questions[0].key}", Select).focus()

    def result(self) -> Person:
        review = dict(self.person.partnership_review)
        for question in self.questions:
            choice = self.query_one(f"#answer-{question.key}", Select).value
            answer = choice if isinstance(choice, Answer) else Answer.UNANSWERED
            note = self.query_one(f"#note-{question.key}", Input).value.strip()
            review[question.key] = PartnershipAnswer(answer=answer, note=note)
        return updated(self.person, partnership_review=review)
