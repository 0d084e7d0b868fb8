"""Side-by-side benchmarks for the ccexercise kit.

Run from the repository root::

    python -m benchmarks                 # all benchmarks
    python -m benchmarks notebooks       # one (or several): notebooks, widget, vectorised, nps, room
    python -m benchmarks --quick         # short smoke run

Every benchmark prints RATIOS between measurements taken in the same run
(our code against a floor that does the unavoidable work), never absolute
pass/fail thresholds: absolute times depend on the machine, ratios much
less so. See benchmarks/README.md for how to read them.
"""

BENCHMARKS = ("notebooks", "widget", "vectorised", "grading", "nps", "room")

__all__ = ["BENCHMARKS"]
