"""Match a submission that lost its nbgrader metadata back to the released exercise.

A learner who pastes their answers into a fresh notebook, or whose editor
drops cell metadata and ids, hands in cells nbgrader cannot recognise: it
would score every task 0. :func:`realign` rebuilds the notebook from the
released exercise and puts the learner's cells where they belong:

* a cell whose text is a locked cell of the exercise (after trimming
  blank space) *is* that cell: an anchor;
* a code cell that sets the same names as an answer cell's stub
  (``margin = ...``) is that task's answer; several such cells are joined;
* any other code cell is the answer of the task between the anchors around
  it when there is exactly one, else it is kept as an extra cell in place;
* a markdown cell between anchors around a written (markdown) answer is
  that answer.

Every locked and test cell comes from the release, so nothing the learner
changed in them counts. The caller flags the submission ``realigned``.

>>> ref = {"order": ["setup", "answer_x", "test_x"], "cells": {
...   "setup": {"cell_type": "code", "source": "import math", "locked": True, "grade": False,
...             "solution": False, "cell": {"cell_type": "code", "source": "import math",
...             "metadata": {"nbgrader": {"grade_id": "setup", "locked": True}}}},
...   "answer_x": {"cell_type": "code", "source": "x = ...", "locked": False, "grade": False,
...             "solution": True, "cell": {"cell_type": "code", "source": "x = ...",
...             "metadata": {"nbgrader": {"grade_id": "answer_x", "solution": True}}}},
...   "test_x": {"cell_type": "code", "source": "assert x == 2", "locked": True, "grade": True,
...             "solution": False, "cell": {"cell_type": "code", "source": "assert x == 2",
...             "metadata": {"nbgrader": {"grade_id": "test_x", "grade": True}}}}}}
>>> cells, why = realign([{"cell_type": "code", "source": "x = 1 + 1"}], ref)
>>> [c["source"] for c in cells]
['import math', 'x = 1 + 1', 'assert x == 2']
>>> why
'its cells had no nbgrader metadata, so they were matched to the released exercise: 0 locked cell(s) by their text, 1 answer(s) by the names they set'
"""

from __future__ import annotations

import ast
import copy
import uuid

__all__ = ["needs_realignment", "realign"]


def _meta(cell) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def _text(source) -> str:
    text = "".join(source) if isinstance(source, list) else str(source or "")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _names(source: str) -> set[str]:
    try:
        tree = ast.parse(_text(source))
    except SyntaxError:
        return set()
    return {t.id for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign,
                                                                  ast.AugAssign))
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            for t in ast.walk(target) if isinstance(t, ast.Name)}


def needs_realignment(cells: list[dict], reference: dict) -> bool:
    """True when no cell carries a grade_id of the released exercise (and it can be rebuilt)."""
    known = set(reference.get("cells", {}))
    if not known or not all("cell" in c for c in reference["cells"].values()):
        return False
    return not any(_meta(cell).get("grade_id") in known for cell in cells)


def realign(cells: list[dict], reference: dict) -> tuple[list[dict], str]:
    """The released notebook's cells with the learner's answers in place, and the reason sentence."""
    order = reference["order"]
    ref = reference["cells"]
    locked_text = {}
    for gid in order:
        if ref[gid]["locked"]:
            locked_text.setdefault(_text(ref[gid]["source"]), gid)
    answers = [gid for gid in order if ref[gid]["solution"]]
    stub_names = {gid: _names(ref[gid]["source"]) for gid in answers
                  if ref[gid]["cell_type"] == "code"}
    filled: dict[str, list[str]] = {gid: [] for gid in answers}
    extras: dict[int, list[dict]] = {}     # reference position -> extra learner cells after it
    anchors = by_name = 0
    position = -1                          # reference position of the last anchor
    for cell in cells:
        text = _text(cell.get("source"))
        if not text:
            continue
        gid = locked_text.get(text)
        if gid is not None and order.index(gid) > position:
            position, anchors = order.index(gid), anchors + 1
            continue
        if gid is not None:
            continue                        # a repeated locked cell: the release has it
        kind = cell.get("cell_type")
        target = None
        if kind == "code":
            names = _names(text)
            scored = [(len(names & stub), -abs(order.index(g) - position), g)
                      for g, stub in stub_names.items() if names & stub]
            if scored:
                target = max(scored)[2]
                by_name += 1
        if target is None:
            later = [order.index(g) for g in order[position + 1:]
                     if ref[g]["locked"] and _text(ref[g]["source"]) in locked_text]
            end = min(later) if later else len(order)
            between = [g for g in answers if position < order.index(g) < end
                       and ref[g]["cell_type"] == kind]
            if len(between) == 1:
                target = between[0]
        if target is not None:
            filled[target].append(text)
        elif kind == "code":
            extras.setdefault(max(position, _first_code(order, ref)), []).append(
                {"cell_type": "code", "id": uuid.uuid4().hex[:12], "metadata": {},
                 "source": text, "outputs": [], "execution_count": None})
    rebuilt = []
    for index, gid in enumerate(order):
        cell = copy.deepcopy(ref[gid]["cell"])
        if gid in filled and filled[gid]:
            cell["source"] = "\n\n".join(filled[gid])
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        rebuilt.append(cell)
        rebuilt.extend(extras.get(index, []))
    matched = sum(1 for texts in filled.values() if texts)
    if not anchors and not matched:
        why = ("none of its cells matched the released exercise (no metadata, no locked cell "
               "text, no answer names), so its code was run after the set-up cell and graded "
               "as well as possible")
    else:
        why = (f"its cells had no nbgrader metadata, so they were matched to the released "
               f"exercise: {anchors} locked cell(s) by their text, {by_name} answer(s) by the "
               f"names they set")
    return rebuilt, why


def _first_code(order: list[str], ref: dict) -> int:
    """Position of the released notebook's first locked code cell (the set-up), or 0."""
    return next((i for i, g in enumerate(order)
                 if ref[g]["locked"] and ref[g]["cell_type"] == "code"), 0)
