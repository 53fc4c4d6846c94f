"""The floor for any Textual app: a header, a label and a footer, nothing else.

``python benchmarks/bare_app.py --exit-after-first-frame`` starts it headless, draws the first
frame and exits, exactly as ``brilliance --exit-after-first-frame`` does, so the benchmark can
time both as whole processes in the same run.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label


class BareApp(App[None]):
    def __init__(self, *, exit_after_first_frame: bool = False) -> None:
        super().__init__()
        self.exit_after_first_frame = exit_after_first_frame

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Hello from a bare Textual app.")
        yield Footer()

    def on_mount(self) -> None:
        if self.exit_after_first_frame:
            self.call_after_refresh(self.exit)


def main() -> int:
    headless = "--exit-after-first-frame" in sys.argv[1:]
    app = BareApp(exit_after_first_frame=headless)
    app.run(headless=headless)
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
