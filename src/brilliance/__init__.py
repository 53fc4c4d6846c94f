"""Brilliance: a daily practice for building relationships that matter."""

import os

__version__ = "0.1.0"

FRAME_RATE = 120
"""Frames a second Textual may draw (its ``TEXTUAL_FPS``, 60 by default), set here because
Textual reads it once, when first imported, and every entry point imports this package first.

Textual draws a change at the next tick of a fixed grid of frames, so at 60 a key waits up to
16.7 ms for its frame on top of its own work; at 120, up to 8.3 ms (issue 19). It costs
nothing while idle (no frame is drawn without a change) and animations keep their own 60
steps a second; only a burst of changes faster than 60 a second (the mouse swept over a list)
may draw more frames. A ``TEXTUAL_FPS`` set by the user is kept."""

os.environ.setdefault("TEXTUAL_FPS", str(FRAME_RATE))
