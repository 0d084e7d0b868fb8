"""The course's bundled data sets, and a trainer's own CSV with the same columns.

Each module that needs data has a folder under ``data/`` named after the
module (``01_lost_customer_cost``) holding one CSV. :func:`load` reads it,
turns every column into the right type and checks every row, so a notebook
can rely on the table. A trainer can swap in their own customers by passing
``path=`` a CSV with the same columns; its rows are checked the same way.

>>> customers = load("01_lost_customer_cost")
>>> customers.shape
(2400, 14)
>>> customers.loc[0, "customer_id"], customers.loc[0, "segment"]
('C00001', 'trade')
>>> print(f"{customers['churned'].mean():.1%} of the customers left")
17.8% of the customers left

To add the next module's data set, put its CSV in ``data/<module>/`` and
declare its columns in :data:`SCHEMAS` (in :mod:`ccexercise.datasets._bundled`);
nothing else changes.

This package's public face: the declaration classes come from
:mod:`ccexercise.datasets._schema`, the bundled data sets (their folder and
:data:`SCHEMAS`) from :mod:`ccexercise.datasets._bundled`, and loading and
checking every cell from :mod:`ccexercise.datasets._load`; all can be
imported from here.
"""

# ENV_VAR, KINDS, TRUE_WORDS and FALSE_WORDS are imported too, so
# ccexercise.datasets.KINDS etc. still work.
from ._bundled import ENV_VAR, SCHEMAS, available, data_dir  # noqa: F401
from ._load import FALSE_WORDS, TRUE_WORDS, DataError, LoadResult, describe, load  # noqa: F401
from ._schema import KINDS, Column, Dataset, FilledWhen  # noqa: F401

__all__ = ["Column", "DataError", "Dataset", "FilledWhen", "LoadResult", "SCHEMAS",
           "available", "data_dir", "describe", "load"]

# Shown in tracebacks as ccexercise.datasets.DataError, where learners import it from.
DataError.__module__ = __name__
