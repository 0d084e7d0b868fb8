"""Import learner notebooks, as they arrive by e-mail or from an LMS download, into ``submitted/``.

:func:`collect` takes a folder or a ``.zip`` (zips inside it are opened
too) and works out, for every file, who sent it and which exercise it is:

* the **exercise** from the file name, which must contain the name of one
  of the course's notebooks (``solutions/<module>/<notebook>.ipynb``),
  whatever is around it: ``Ana Silva_1234_assignsubmission_file_lost_customer_cost.ipynb``
  (Moodle), ``silvaana_1234_5678_lost_customer_cost.ipynb`` (Canvas),
  ``ana.silva-lost_customer_cost.ipynb``, ``lost_customer_cost (3).ipynb``,
  ``lost_customer_cost-Copy1.ipynb``. A folder named after a module
  settles which module when two share a notebook name;
* the **learner** from what is left of the file name, else from the
  nearest folder that names someone (``Ana Silva/lost_customer_cost.ipynb``,
  Moodle's ``Ana Silva_1234_assignsubmission_file_/``). With a roster the
  name must match a learner's ``learner_id``, ``name`` (either order),
  e-mail (or the part before the ``@``) or one of their ``aliases``,
  ignoring case, accents and punctuation; without one, the name itself,
  folded to ``ana_silva``, becomes the learner id.

Each file placed goes to ``submitted/<learner>/<module>/<notebook>.ipynb``
(its date kept). Nothing is dropped: a file that cannot be placed, and the
older copy when a learner sent the same notebook twice (the newest one, by
file date or zip entry date, is kept), is copied to
``.ccexercise/unplaced/``. Every file, placed or not, gets a line in
``.ccexercise/collect-report.csv`` with the columns

``file``
    where it came from (``batch.zip:Ana Silva/lost_customer_cost.ipynb``);
``problem``
    empty when placed without trouble, else one of :data:`PROBLEMS`;
``detail``
    what was found, in plain words;
``action``
    what was done: placed (where), set aside (where), ignored;
``learner_id``, ``module``
    who and which module, when known.

The parts: :mod:`._input` (reading the folder or zip), :mod:`._identify`
(which exercise, which learner, with the roster of
:mod:`ccexercise.pipeline.roster`), :mod:`._place` (placing the files) and
:mod:`._report` (the report file). This module is their public face; the
roster's names are here too, as collect is where a roster is first used.
"""

from __future__ import annotations

from ..roster import (ROSTER_COLUMNS, Learner, RosterError, fold, load_roster, match_learner,
                      name_tokens)
from ._place import PROBLEMS, CollectResult, collect
from ._report import REPORT_COLUMNS, Row, format_table, read_collect_report, write_collect_report

__all__ = ["CollectResult", "Learner", "PROBLEMS", "REPORT_COLUMNS", "ROSTER_COLUMNS",
           "RosterError", "Row", "collect", "fold", "format_table", "load_roster",
           "match_learner", "name_tokens", "read_collect_report", "write_collect_report"]
