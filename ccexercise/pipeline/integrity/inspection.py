"""Inspection of a submitted notebook file before grading: read it, repair it, flag it."""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .flags import _join, _meta, flag
from .realign import needs_realignment, realign
from .static_scan import scan_learner_cells as _scan_learner_cells

__all__ = ["Inspection", "inspect_notebook", "reference_cells"]


def reference_cells(release_notebook: Path) -> dict:
    """Plain data about every nbgrader cell of the released exercise (what learners got).

    ``{"order": [grade_id, ...], "cells": {grade_id: {"cell_type", "source",
    "checksum", "locked", "grade", "solution", "points", "cell"}}}`` (``cell``:
    the whole released cell, to put back a deleted one). The release
    version is the right reference: its test cells lack the hidden tests the
    gradebook's source cells hold, so their checksums differ by design.
    """
    from nbgrader.utils import compute_checksum

    nb = nbformat.read(str(release_notebook), as_version=4)
    cells, order = {}, []
    for cell in nb.cells:
        meta = _meta(cell)
        gid = meta.get("grade_id")
        if not gid:
            continue
        order.append(gid)
        cells[gid] = {"cell_type": cell.cell_type, "source": cell.source,
                      "checksum": compute_checksum(cell), "locked": bool(meta.get("locked")),
                      "grade": bool(meta.get("grade")), "solution": bool(meta.get("solution")),
                      "points": meta.get("points"), "cell": json.loads(json.dumps(cell))}
    return {"order": order, "cells": cells}



@dataclass
class Inspection:
    """What :func:`inspect_notebook` found: the notebook to grade (or None) and flags."""

    notebook: object | None
    flags: list[dict] = field(default_factory=list)
    repaired: bool = False

    @property
    def readable(self) -> bool:
        return self.notebook is not None


def _describe_json_error(error: json.JSONDecodeError) -> str:
    return f"line {error.lineno}, column {error.colno}: {error.msg}"


def _load(path: Path) -> tuple[dict | None, str | None]:
    raw = path.read_bytes()
    if not raw.strip():
        return None, "The file is empty."
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "The file is not text (it is not UTF-8): it is not a notebook."
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, (f"The file is not valid JSON ({_describe_json_error(error)}); it may have "
                      f"been cut off or edited outside Jupyter.")
    if not isinstance(data, dict) or not isinstance(data.get("cells", None), list) \
            or not isinstance(data.get("nbformat"), int):
        return None, ("The file is JSON but not a Jupyter notebook (it has no 'cells' list or "
                      "'nbformat' number).")
    if data["nbformat"] < 4:
        try:
            data = json.loads(nbformat.writes(nbformat.reads(text, as_version=4)))
        except Exception as error:  # noqa: BLE001
            return None, f"The notebook uses an old format that could not be converted ({error})."
    for index, cell in enumerate(data["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            return None, f"Cell {index + 1} of the notebook is damaged (it has no valid cell_type)."
        if not isinstance(cell.get("source", ""), (str, list)):
            return None, f"Cell {index + 1} of the notebook is damaged (its source is not text)."
        if not isinstance(cell.get("metadata", {}), dict):
            return None, f"Cell {index + 1} of the notebook is damaged (bad metadata)."
    return data, None


def _repair_duplicates(cells: list[dict], reference: dict) -> list[dict]:
    """Make grade_ids and cell ids unique in place; return flags describing what was done."""
    flags = []
    # 1. nbgrader grade_ids that appear more than once.
    positions: dict[str, list[int]] = {}
    for index, cell in enumerate(cells):
        gid = _meta(cell).get("grade_id")
        if gid:
            positions.setdefault(gid, []).append(index)
    drop: set[int] = set()
    for gid, where in positions.items():
        if len(where) < 2:
            continue
        ref = reference["cells"].get(gid)
        sources = [_join(cells[i].get("source")) for i in where]
        if ref is None or ref["locked"] or (ref["grade"] and not ref["solution"]):
            # A copied locked or test cell: keep the copy that matches the exercise (or the
            # first one) where it is; nbgrader restores its content anyway.
            keep = next((i for i, s in zip(where, sources)
                         if ref is not None and s == ref["source"]), where[0])
            drop.update(i for i in where if i != keep)
            what = "kept one copy and removed the others (it is restored and graded as released)"
        elif cells[where[0]].get("cell_type") == "markdown":
            # A copied written answer: merge the distinct texts into the first copy.
            texts = [s for s in dict.fromkeys(sources)
                     if s.strip() and (ref is None or s != ref["source"])]
            cells[where[0]]["source"] = "\n\n".join(texts) if texts else sources[0]
            drop.update(where[1:])
            what = "merged the copies' texts into one answer cell"
        else:
            # A copied code answer: drop untouched and identical copies; the last remaining
            # copy stays the graded answer cell, earlier ones run as ordinary cells.
            stub = ref["source"] if ref else None
            answered = [i for i, s in zip(where, sources) if s != stub]
            remaining = answered or [where[-1]]
            seen: dict[str, int] = {}
            for i in remaining:
                seen[_join(cells[i].get("source"))] = i      # the last of identical copies
            remaining = sorted(seen.values())
            drop.update(i for i in where if i not in remaining)
            for i in remaining[:-1]:
                cells[i].setdefault("metadata", {}).pop("nbgrader", None)
            what = ("kept your answer: the last answered copy is graded, other answered "
                    "copies run as ordinary cells, untouched copies were removed")
        flags.append(flag("duplicate-cell",
                          f"The cell '{gid}' appears {len(where)} times (a copied cell); "
                          f"{what}."))
    if drop:
        cells[:] = [c for i, c in enumerate(cells) if i not in drop]
    # 2. nbformat cell ids that appear more than once (copied by hand in the JSON).
    seen_ids: set[str] = set()
    renamed = 0
    for cell in cells:
        cid = cell.get("id")
        if cid is None:
            continue
        if cid in seen_ids:
            new = uuid.uuid4().hex[:8]
            while new in seen_ids:
                new = uuid.uuid4().hex[:8]
            cell["id"] = new
            renamed += 1
            cid = new
        seen_ids.add(cid)
    if renamed:
        flags.append(flag("duplicate-cell",
                          f"{renamed} cell(s) shared their cell id with another cell (copied "
                          f"by hand); they were given new ids before grading."))
    return flags


def _compare_locked(cells: list[dict], reference: dict, restores_missing: bool) -> list[dict]:
    from nbgrader.utils import compute_checksum

    flags = []
    present = {}
    for cell in cells:
        gid = _meta(cell).get("grade_id")
        if gid and gid not in present:
            present[gid] = cell
    for gid in reference["order"]:
        ref = reference["cells"][gid]
        is_test = ref["grade"] and not ref["solution"]
        cell = present.get(gid)
        if cell is None:
            if is_test:
                what = ("it was put back as released and graded" if restores_missing else
                        "nbgrader leaves it for manual grading")
                flags.append(flag("test-cell-deleted",
                                  f"The test cell '{gid}' was deleted; {what}."))
            elif ref["locked"]:
                what = ("it was put back as released" if restores_missing and ref.get("cell")
                        else "it was not restored, so cells that need it may fail")
                flags.append(flag("locked-cell-deleted",
                                  f"The locked cell '{gid}' was deleted; {what}."))
            elif ref["solution"]:
                restored = (" (put back empty)" if ref["grade"] and restores_missing
                            and ref.get("cell") else "")
                flags.append(flag("answer-cell-deleted",
                                  f"The answer cell '{gid}' was deleted{restored}."))
            continue
        if not (ref["locked"] or is_test):
            continue
        node = nbformat.from_dict(copy.deepcopy(cell))
        node.setdefault("metadata", {}).setdefault("nbgrader", {})
        try:
            checksum = compute_checksum(node)
        except Exception:  # noqa: BLE001 - damaged metadata counts as an edit
            checksum = None
        if checksum != ref["checksum"]:
            if is_test:
                flags.append(flag("test-cell-edited",
                                  f"The locked test cell '{gid}' was changed; it was graded as "
                                  f"released (the change had no effect on the score)."))
            else:
                flags.append(flag("locked-cell-edited",
                                  f"The locked cell '{gid}' was changed; nbgrader ran the "
                                  f"released version instead."))
    return flags


def _restore_missing(cells: list[dict], reference: dict) -> bool:
    """Put deleted locked cells, test cells and graded answers back as released; True if any.

    nbgrader's own ``add_missing_cells`` raises ``KeyError`` when the cell
    before a deleted test cell is a locked, ungraded cell (``check_...``),
    which fails the whole submission; so they are put back here, right
    after the nearest released cell that is still there.
    """
    present = {_meta(c).get("grade_id") for c in cells} - {None}
    ids = {c.get("id") for c in cells}
    changed = False
    for position, gid in enumerate(reference["order"]):
        ref = reference["cells"][gid]
        if gid in present or not ref.get("cell"):
            continue
        if not (ref["locked"] or ref["grade"]):
            continue        # an ungraded answer cell: nothing to put back
        restored = copy.deepcopy(ref["cell"])
        if restored.get("id") in ids or "id" not in restored:
            restored["id"] = uuid.uuid4().hex[:8]
        ids.add(restored["id"])
        anchor = -1
        for before in reversed(reference["order"][:position]):
            if before in present:
                anchor = max(i for i, c in enumerate(cells) if _meta(c).get("grade_id") == before)
                break
        cells.insert(anchor + 1, restored)
        present.add(gid)
        changed = True
    return changed


def inspect_notebook(path: Path, reference: dict, *, restores_missing: bool = True) -> Inspection:
    """Read a submitted notebook, repair what can be repaired, and flag what was found.

    ``reference`` is :func:`reference_cells` of the released exercise. The
    returned notebook (a NotebookNode, ready to be written and graded) is
    None when the file cannot be graded at all; the flags then explain why.
    """
    try:
        data, problem = _load(Path(path))
    except OSError as error:
        data, problem = None, f"The file could not be read ({error.strerror or error})."
    if data is None:
        return Inspection(None, [flag("invalid-notebook", problem or "Unreadable notebook.")])
    cells = data["cells"]
    for cell in cells:
        cell["source"] = _join(cell.get("source", ""))
        cell.setdefault("metadata", {})
        if not isinstance(cell["metadata"].get("nbgrader", {}), dict):
            cell["metadata"].pop("nbgrader")
    realigned = []
    if needs_realignment(cells, reference):
        cells, why = realign(cells, reference)
        data["cells"] = cells
        data["nbformat"], data["nbformat_minor"] = 4, max(5, int(data.get("nbformat_minor", 5)))
        realigned = [flag("realigned", f"The notebook {why}.")]
    flags = _repair_duplicates(cells, reference)
    repaired = bool(flags) or bool(realigned)
    flags = realigned + flags
    flags += _compare_locked(cells, reference, restores_missing)
    if restores_missing:
        repaired = _restore_missing(cells, reference) or repaired
    flags += _scan_learner_cells(cells, reference)
    # Not validated against the schema here: nbgrader copes with small problems itself.
    return Inspection(nbformat.from_dict(data), _dedupe(flags), repaired)


def _dedupe(flags: list[dict]) -> list[dict]:
    seen, out = set(), []
    for item in flags:
        key = (item["code"], item["reason"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
