"""Did an introduction help? The answer is kept with the meeting, so both people's timelines
show it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioButton, RadioSet

from brilliance.domain.models import Answer
from brilliance.screens.modals.form_base import FormError, FormScreen

ANSWERS = (
    (Answer.YES, "Yes, it helped"),
    (Answer.NO, "No, not really"),
    (Answer.UNSURE, "Too early to say"),
)


class IntroductionOutcomeScreen(FormScreen[tuple[Answer, str]]):
    """Returns (answer, note)."""

    def __init__(self, question: str, answer: Answer = Answer.UNANSWERED, note: str = "") -> None:
        super().__init__()
        self.question = question
        self.answer = answer
        self.note = note

    def title_text(self) -> str:
        return self.question

    def fields(self) -> ComposeResult:
        with RadioSet(id="helped"):
            for answer, label in ANSWERS:
                yield RadioButton(label, value=answer is self.answer, id=f"helped-{answer.value}")
        yield Label("What came of it (a job, a deal, advice, nothing yet)", classes="label")
        yield Input(self.note, id="outcome-note", compact=True)

    def on_mount(self) -> None:
        self.query_one("#helped", RadioSet).focus()

    def result(self) -> tuple[Answer, str]:
        for answer, _label in ANSWERS:
            if self.query_one(f"#helped-{answer.value}", RadioButton).value:
                return answer, self.query_one("#outcome-note", Input).value.strip()
        raise FormError("Choose an answer: yes, no, or too early to say.")
