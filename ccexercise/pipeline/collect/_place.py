"""Placing the notebooks: :func:`collect` reads the input, identifies every file, copies it to
``submitted/`` or sets it aside, and writes the report (see the package's docs)."""


from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from ..._course import modules as course_modules
from ..roster import Learner
from ._identify import _Course, _identify_exercise, _identify_learner
from ._input import _Entry, _junk_reason, _read_input
from ._report import STATE, Row, write_collect_report

__all__ = ["CollectResult", "PROBLEMS", "UNPLACED", "collect"]

#: The problems a report line can name (an empty problem means: placed, all fine).
PROBLEMS = {
    "not a notebook": "not an .ipynb file",
    "unreadable notebook": "an .ipynb file that is not a valid notebook",
    "unknown module": "its name matches none of the exercise notebooks",
    "other module": "a notebook of another module than the one given with --module",
    "unknown learner": "nobody in the roster matches the name found, or no name was found",
    "ambiguous learner": "the name found matches more than one learner of the roster",
    "duplicate": "the learner sent this notebook more than once; only the newest is kept",
}

#: Where collect copies the files it could not place, under the course root.
UNPLACED = f"{STATE}/unplaced"


@dataclass
class CollectResult:
    """What :func:`collect` did: one report row per input file (and per file it replaced)."""

    rows: list[Row] = field(default_factory=list)
    report: Path | None = None

    @property
    def placed(self) -> list[Row]:
        """Rows of the notebooks now in ``submitted/``."""
        return [r for r in self.rows if r.action.startswith("placed")]

    @property
    def problems(self) -> list[Row]:
        """Rows with a problem (not placed, set aside or ignored)."""
        return [r for r in self.rows if r.problem]


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S")


def _unique(path: Path, data: bytes) -> Path:
    """``path``, or ``name (2).ext`` ... if another file is already there."""
    candidate, n = path, 1
    while candidate.exists() and candidate.read_bytes() != data:
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def _set_aside(root: Path, batch: str, parts: tuple[str, ...], data: bytes,
               when: datetime | None = None) -> str:
    target = _unique(root / UNPLACED / batch / Path(*parts), data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if when is not None:
        os.utime(target, (when.timestamp(), when.timestamp()))
    return target.relative_to(root).as_posix()


def _readable_notebook(data: bytes) -> str:
    """'' when ``data`` is a notebook nbgrader can read, else why not."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return f"it is not valid notebook JSON ({error.__class__.__name__}: {error})"
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        return "it is JSON but has no list of cells, so it is not a notebook"
    if not isinstance(document.get("nbformat"), int) or document["nbformat"] < 4:
        return f"it is an old or unknown notebook format (nbformat {document.get('nbformat')!r})"
    return ""


def collect(root: str | os.PathLike, source: str | os.PathLike, *,
            roster: list[Learner] | None = None, module: str | None = None) -> CollectResult:
    """Place the notebooks of ``source`` (folder or .zip) in ``root/submitted/``; report every file."""
    root, source = Path(root), Path(source)
    notebooks = {m: sorted(p.stem for p in (root / "solutions" / m).glob("*.ipynb"))
                 for m in course_modules(root)}
    if module is not None and module not in notebooks:
        raise ValueError(f"unknown module {module!r}; the modules are: {', '.join(notebooks)}")
    course = _Course(notebooks, roster, module)
    batch = source.stem if source.is_file() else source.name
    entries = _read_input(source)
    result = CollectResult()
    chosen: dict[tuple[str, str, str], list[tuple[_Entry, Row]]] = {}
    for entry in entries:
        row = Row(entry.origin)
        result.rows.append(row)
        junk = _junk_reason(entry.parts)
        if junk:
            row.problem, row.detail, row.action = "not a notebook", junk, "ignored (not copied)"
            continue
        mod, notebook, problem, leftovers, detail = _identify_exercise(entry, course)
        learner, learner_problem, learner_detail = _identify_learner(entry, leftovers, course)
        row.learner_id, row.module = learner or "", mod or ""
        if not entry.parts[-1].lower().endswith(".ipynb"):
            kind = PurePosixPath(entry.parts[-1]).suffix or "no extension"
            row.problem = "not a notebook"
            row.detail = f"a {kind} file, not a Jupyter notebook (.ipynb)"
            row.action = "ignored; copy kept at " + _set_aside(root, batch, entry.parts, entry.data,
                                                                entry.when)
            row.learner_id = learner or ""
            continue
        unreadable = _readable_notebook(entry.data)
        if unreadable or problem or learner_problem:
            row.problem = ("unreadable notebook" if unreadable else problem or learner_problem)
            row.detail = unreadable or detail or learner_detail
            row.action = "set aside at " + _set_aside(root, batch, entry.parts, entry.data, entry.when)
            continue
        row.detail = learner_detail
        chosen.setdefault((learner, mod, notebook), []).append((entry, row))

    for (learner, mod, notebook), copies in chosen.items():
        target = root / "submitted" / learner / mod / f"{notebook}.ipynb"
        # newest first; on equal dates the one listed last in the input wins
        copies = sorted(enumerate(copies), key=lambda ic: (ic[1][0].when, ic[0]), reverse=True)
        copies = [c for _, c in copies]
        keep_entry, keep_row = copies[0]
        for entry, row in copies[1:]:
            row.problem = "duplicate"
            row.detail = (f"{learner} sent {notebook}.ipynb {len(copies)} times; kept the newest, "
                          f"{keep_entry.origin} ({_stamp(keep_entry.when)}); this one is from "
                          f"{_stamp(entry.when)}")
            row.action = "set aside at " + _set_aside(root, batch, entry.parts, entry.data, entry.when)
        if len(copies) > 1:
            keep_row.detail += (f"; newest of {len(copies)} copies ({_stamp(keep_entry.when)}), "
                                "older ones set aside")
        if target.is_file():
            old = target.read_bytes()
            old_when = datetime.fromtimestamp(target.stat().st_mtime)
            if old == keep_entry.data:
                keep_row.action = f"already collected: identical to {target.relative_to(root).as_posix()}"
                continue
            if old_when > keep_entry.when:
                keep_row.problem = "duplicate"
                keep_row.detail = (f"{target.relative_to(root).as_posix()} is newer "
                                   f"({_stamp(old_when)}) than this file ({_stamp(keep_entry.when)}); "
                                   "kept the one already there")
                keep_row.action = "set aside at " + _set_aside(root, batch, keep_entry.parts,
                                                               keep_entry.data, keep_entry.when)
                continue
            moved = _set_aside(root, "replaced", (learner, mod, f"{notebook}.ipynb"), old, old_when)
            result.rows.append(Row(target.relative_to(root).as_posix(), "duplicate",
                                   f"replaced by the newer {keep_entry.origin} "
                                   f"({_stamp(keep_entry.when)}); this copy is from {_stamp(old_when)}",
                                   f"set aside at {moved}", learner, mod))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(keep_entry.data)
        os.utime(target, (keep_entry.when.timestamp(), keep_entry.when.timestamp()))
        keep_row.action = f"placed at {target.relative_to(root).as_posix()}"

    result.report = write_collect_report(root, result.rows)
    return result
