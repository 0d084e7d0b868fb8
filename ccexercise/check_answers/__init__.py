"""Fingerprints of the right answers (and common mistakes) for the self-checks.

Generated from the model answers; each entry stores a SHA-256 digest, never
the answer. One file per course module (``answers_01_lost_customer_cost.py``
holds module 01's checks); importing this package imports them all, which
registers every check in :mod:`ccexercise.check_registry`. A new module
adds its own file and imports it below. ``tests/unit/test_checks.py``
proves every model answer in ``solutions/`` passes its check.
"""

from . import (  # noqa: F401  (importing a file registers its checks)
    answers_01_lost_customer_cost,
    answers_03_service_levels,
    answers_04_satisfaction_formula,
    answers_05_nps,
    answers_06_guess_what_he_dislikes,
)
