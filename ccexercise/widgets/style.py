"""The look every widget shares: colours for a projector (dark text on white),
big buttons and wide controls.

Widgets pass copies of the dicts (``layout=dict(BUTTON_LAYOUT)``) or the
dicts themselves to ipywidgets, which never changes them.
"""

from __future__ import annotations

__all__ = ["BACKGROUND", "BUTTON_LAYOUT", "BUTTON_STYLE", "CONTROL_LAYOUT", "CONTROL_STYLE",
           "MUTED_COLOUR", "TEXT_COLOUR", "TIME_UP_COLOUR"]

#: Text, on a projector or a screen.
TEXT_COLOUR = "#1A1A1A"
#: Secondary text: progress, hints, what to prepare.
MUTED_COLOUR = "#4D4D4D"
#: A countdown that has run out.
TIME_UP_COLOUR = "#B00020"
BACKGROUND = "#FFFFFF"

#: A button big enough to hit from the front of a room.
BUTTON_LAYOUT = {"width": "auto", "min_width": "8em", "height": "3em",
                 "margin": "0 0.5em 0.5em 0"}
BUTTON_STYLE = {"font_size": "1.3em"}

#: A slider or text box as wide as the text beside it, its label in full.
CONTROL_LAYOUT = {"width": "100%", "max_width": "46em"}
CONTROL_STYLE = {"description_width": "initial"}
