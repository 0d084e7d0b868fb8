"""Every widget of the kit has a case in the widget benchmark, and the cases work.

``make benchmark`` times each widget's answer to a change (target: p95 within
100 ms); a widget without a case would never be measured, so adding one to
``ccexercise.widgets`` without an entry in ``benchmarks/widget_cases.py`` fails here.
"""

import ipywidgets
import pytest

import ccexercise as cc
import ccexercise.widgets
from benchmarks.widget_cases import CASES

EXPORTED = sorted(name for name in ccexercise.widgets.__all__
                  if isinstance(getattr(ccexercise.widgets, name), type)
                  and issubclass(getattr(ccexercise.widgets, name), ipywidgets.Widget))
BY_NAME = {case.widget: case for case in CASES}


def _state(widget) -> list:
    """What a widget shows: its state and every descendant's (bytes compared by value)."""
    out, todo, seen = [], [widget], set()
    while todo:
        item = todo.pop()
        if id(item) in seen or not isinstance(item, ipywidgets.Widget):
            continue
        seen.add(id(item))
        out.append(sorted((k, bytes(v) if isinstance(v, memoryview) else v)
                          for k, v in item.get_state().items()
                          if k not in ("children", "layout", "style")))
        todo += list(getattr(item, "children", ()))
    return out


def test_the_kit_exports_widgets():
    """The check below is not vacuous: the calculator and the workshop widgets are found."""
    assert {"LostCustomerCalculator", "StepDeck", "Timer"} <= set(EXPORTED)


@pytest.mark.parametrize("widget", EXPORTED)
def test_every_widget_has_a_benchmark_case(widget):
    assert widget in BY_NAME, (f"ccexercise.widgets.{widget} has no case in "
                               "benchmarks/widget_cases.py: add one so make benchmark times it")


def test_every_case_names_an_exported_widget():
    assert sorted(set(BY_NAME) - set(EXPORTED)) == []
    assert len(BY_NAME) == len(CASES), "two cases for the same widget"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.widget)
def test_every_change_changes_what_the_widget_shows(case):
    """The case builds the widget it names, and each change, in turn, shows something new."""
    space = {"cc": cc}
    exec(case.setup, space)
    widget = space["w"]
    assert type(widget).__name__ == case.widget
    for _ in range(2):  # twice round: cycling back must change things too
        for change in case.changes:
            before = _state(widget)
            exec(change, space)
            assert _state(widget) != before, f"{case.widget}: {change!r} changed nothing"
    eval(case.model, space)
