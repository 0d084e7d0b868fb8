"""Self-checks: immediate feedback for learners that never gives the answer away.

A check knows the type of answer it wants and a fingerprint (a SHA-256
digest) of the right answer, not the answer itself, so neither its output
nor this package's source tells a learner what to type. It also knows the
fingerprints of common mistakes, each with a hint.

>>> check("01.try_three_years", 18_000)
✓ Correct. Well done.
>>> check("01.try_three_years", 15_000)
✗ Not yet. Each year the customer buys 1,000 more than the year before: add up all three years.
>>> check("01.try_three_years", "18000")
✗ Not yet. Your answer should be a whole number (like 42), but it is text in quotes. Remove the quotes.
>>> check("01.no_such_check", 1)
Traceback (most recent call last):
    ...
ValueError: key must name a known check such as '01.spend_in_year_5', got '01.no_such_check'

What a check is and the table of checks live in :mod:`ccexercise.checks._registry`.
The fingerprints of the right answers (and common mistakes), generated from
the model answers, are in one file per course module
(``answers_01_lost_customer_cost.py`` holds module 01's checks); importing
this package imports them all, which registers every check. A new module
adds its own file and imports it below. ``tests/unit/test_checks.py``
proves every model answer in ``solutions/`` passes its check.
"""

from __future__ import annotations

# Importing an answers file registers its checks in ._registry.
from . import (  # noqa: F401
    answers_00_what_is_customer_focus,
    answers_01_lost_customer_cost,
    answers_02_why_customers_leave,
    answers_03_service_levels,
    answers_04_satisfaction_formula,
    answers_05_nps,
    answers_06_guess_what_he_dislikes,
    answers_07_soco_self_assessment,
    answers_08_listening_to_customers,
)
from ._registry import Check, CheckResult, fingerprint, registered

__all__ = ["Check", "CheckResult", "check", "fingerprint", "keys"]


def keys() -> list[str]:
    """The names of all checks, sorted.

    >>> "01.lost_revenue_5_years" in keys()
    True
    """
    return sorted(registered())


def check(key: str, answer) -> CheckResult:
    """Check ``answer`` against the self-check named ``key`` (see :func:`keys`)."""
    known = registered()
    if not isinstance(key, str) or key not in known:
        example = "01.spend_in_year_5"
        raise ValueError(f"key must name a known check such as {example!r}, got {key!r}")
    return known[key](answer)
