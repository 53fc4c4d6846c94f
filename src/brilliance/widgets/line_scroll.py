"""A LineTable's scrollbars drawn again only when what they show changes (issue 19).

Textual redraws both scrollbars of a ScrollView whenever it is laid out again, which a key typed
in an Input does every time, and after the frame that showed the new rows: a List filter key
that changed the matches drew the vertical bar (2-3 ms) and the horizontal one (~1 ms) in the
frame, then both again in a second one. A scrollbar redraws itself when one of its values
changes; here they are set, and nothing more, and the vertical bar's length is set with the rows
so that it is drawn in the same frame as them.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def scrollbars_state(widget: Widget, virtual_size: Size) -> tuple[object, ...]:
    """What the scrollbars of ``widget`` depend on."""
    styles = widget.styles
    return (
        virtual_size,
        widget.container_size,
        styles.overflow_x,
        styles.overflow_y,
        styles.scrollbar_size_vertical,
        styles.scrollbar_size_horizontal,
    )


def update_scrollbars(widget: Widget, virtual_size: Size) -> None:
    """Textual's ``Widget._scroll_update`` without its unconditional redraws: which bars show,
    their values (each redraws its bar when it changes), the scroll kept within the content."""
    widget._refresh_scrollbars()
    width, height = widget.container_size
    if widget.show_vertical_scrollbar and widget.styles.scrollbar_size_vertical:
        bar = widget.vertical_scrollbar
        bar.window_virtual_size = virtual_size.height
        bar.window_size = height - widget.scrollbar_size_horizontal
    if widget.show_horizontal_scrollbar and widget.styles.scrollbar_size_horizontal:
        bar = widget.horizontal_scrollbar
        bar.window_virtual_size = virtual_size.width
        bar.window_size = width - widget.scrollbar_size_vertical
    widget.scroll_x = widget.validate_scroll_x(widget.scroll_x)
    widget.scroll_y = widget.validate_scroll_y(widget.scroll_y)


def bar_follows_rows(widget: Widget, height: int) -> None:
    """Give the vertical bar the new content ``height`` now, if it shows: it is then drawn
    with the rows rather than once the layout after their frame finds the new size."""
    if widget.show_vertical_scrollbar and widget.styles.scrollbar_size_vertical:
        widget.vertical_scrollbar.window_virtual_size = height
