"""Running a workshop session: its steps, the clock, the teams and the run sheet.

The pieces a facilitator dashboard is built from, as plain Python (the
widgets in :mod:`ccexercise.widgets.workshop` only display these):

* :mod:`ccexercise.workshop.session`: a :class:`WorkshopStep` (title,
  minutes, what to say, what to ask), a clock text for a countdown and a
  fair split of the room into teams;
* :mod:`ccexercise.workshop.run_sheets`: a workshop's steps read from a
  Markdown run sheet a trainer can edit (:func:`run_sheet_for`,
  :func:`load_run_sheet`);
* :mod:`ccexercise.workshop.run_sheet_pdf`: a run sheet printed as a PDF
  with fpdf2; not imported here, but on its own where a sheet is printed
  (``ccexercise runsheet print``).

>>> sheet = run_sheet_for("01_lost_customer_cost")
>>> format_clock(sheet.steps[0].seconds)
'03:00'
"""

from .run_sheets import RunSheet, RunSheetError, RunSheetProblem, load_run_sheet, run_sheet_for
# MAX_STEP_MINUTES is imported too, so ccexercise.workshop.MAX_STEP_MINUTES still works.
from .session import (  # noqa: F401
    MAX_STEP_MINUTES,
    WorkshopStep,
    format_clock,
    progress_text,
    split_into_teams,
)

__all__ = ["RunSheet", "RunSheetError", "RunSheetProblem", "WorkshopStep", "format_clock",
           "load_run_sheet", "progress_text", "run_sheet_for", "split_into_teams"]
