"""The cohort: everything the report shows, read from gradebook, records, collect report and roster.

:func:`gather` reads the gradebook (through nbgrader's API, so SQLite or
PostgreSQL), the grading records of ``ccexercise grade``
(:func:`load_grading_records`), the last collect report and, when given,
the roster into a :class:`Cohort`: the modules, their graded :class:`Task` s,
one :class:`Result` per learner and module, and every :class:`Flag`.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..collect import read_collect_report
from ..course import course_id, load_config, nbgrader_env, resolve_db_url, select_modules
from ..roster import Learner

__all__ = ["Cohort", "Flag", "Result", "Task", "gather", "isolation_summary",
           "load_grading_records"]


@dataclass(frozen=True)
class Task:
    """One graded cell of a module."""

    module: str
    notebook: str
    grade_id: str
    points: float
    manual: bool

    @property
    def name(self) -> str:
        """The task name: the grade id without its ``test_`` prefix."""
        return self.grade_id.removeprefix("test_")


@dataclass
class Result:
    """One learner's result on one module."""

    learner_id: str
    module: str
    status: str
    scores: dict[tuple[str, str], float | None] = field(default_factory=dict)  # (notebook, grade_id)
    max_score: float = 0.0
    #: (notebook, grade_id) of hand-marked tasks nobody has marked yet for this learner.
    waiting: set[tuple[str, str]] = field(default_factory=set)

    @property
    def score(self) -> float | None:
        known = [s for s in self.scores.values() if s is not None]
        return sum(known) if known else None


@dataclass
class Flag:
    learner_id: str
    module: str
    source: str
    code: str
    reason: str


@dataclass
class Cohort:
    """Everything the report shows, gathered from gradebook, records, collect report and roster."""

    modules: list[str]
    tasks: dict[str, list[Task]]
    results: list[Result]
    flags: list[Flag]
    roster: list[Learner] | None
    isolation: str
    db_url: str
    not_in_gradebook: list[str] = field(default_factory=list)

    def learner(self, learner_id: str) -> Learner | None:
        for learner in self.roster or ():
            if learner.learner_id == learner_id:
                return learner
        return None


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

def load_grading_records(root: Path) -> tuple[list[dict], list[Flag]]:
    """The grading records of ``ccexercise grade``, and a flag for each record file it cannot use.

    :func:`ccexercise.pipeline.records.load_records` skips files that are
    unreadable or incomplete; they are listed here instead of vanishing.
    """
    from ..records import load_records, records_dir

    records = load_records(root)
    loaded = {(str(r.get("module")), str(r.get("learner"))) for r in records}
    problems = []
    base = records_dir(root)
    for path in sorted(base.glob("*/*.json")) if base.is_dir() else ():
        if path.name.startswith(".") or (path.parent.name, path.stem) in loaded:
            continue
        problems.append(Flag(path.stem, path.parent.name, "report", "unreadable-record",
                             f"the grading record {path.relative_to(root).as_posix()} is unreadable "
                             "or incomplete; grade this submission again"))
    return records, problems


def isolation_summary(records: list[dict]) -> str:
    """The sandbox level grading used, from the records: one level, a mix with counts, or unknown.

    >>> isolation_summary([])
    'unknown (no grading records)'
    >>> isolation_summary([{"isolation": "bubblewrap"}] * 2)
    'bubblewrap'
    >>> isolation_summary([{"isolation": "bubblewrap"}, {"isolation": "none"}, {}])
    'mixed: bubblewrap (1 submission), none (1 submission), unknown (1 submission)'
    """
    levels = Counter(str(r.get("isolation") or "unknown") for r in records
                     if r.get("status") != "missing")
    if not levels:
        return "unknown (no grading records)"
    if len(levels) == 1:
        return next(iter(levels))
    return "mixed: " + ", ".join(f"{level} ({n} submission{'s' * (n != 1)})"
                                 for level, n in sorted(levels.items()))


def _source_tasks(root: Path, module: str) -> list[Task]:
    """The graded cells of a module's source notebooks, in notebook order."""
    import nbformat

    tasks = []
    for path in sorted((root / "solutions" / module).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                tasks.append(Task(module, path.stem, meta["grade_id"], float(meta.get("points", 0)),
                                  cell.cell_type != "code"))
    return tasks


def gather(root: str | os.PathLike, requested: list[str] | None = None, *,
           roster: list[Learner] | None = None, db_url: str | None = None) -> Cohort:
    """Read gradebook, records, collect report and roster into a :class:`Cohort`."""
    from nbgrader.api import Gradebook, MissingEntry

    root = Path(root)
    chosen = select_modules(root, requested)
    url = resolve_db_url(root, db_url)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        raise FileNotFoundError(f"no gradebook at {url[len('sqlite:///'):]}: run `ccexercise build` "
                                "and `ccexercise grade` first, or give --db-url")
    if not os.environ.get("PATH", "").startswith(str(Path(sys.executable).parent) + os.pathsep):
        os.environ["PATH"] = nbgrader_env()["PATH"]  # nbgrader may start `alembic`
    records, flags = load_grading_records(root)
    if not requested:
        # Every module anyone handed in; one nobody handed in was not given out yet, and
        # would only list every learner as "not submitted".
        handed_in = [m for m in chosen if any((root / "submitted").glob(f"*/{m}"))
                     or any(r.get("module") == m for r in records)]
        chosen = handed_in or chosen
    records = [r for r in records if r.get("module") in chosen]
    by_key = {(str(r.get("learner")), str(r.get("module"))): r for r in records}

    tasks: dict[str, list[Task]] = {}
    results: dict[tuple[str, str], Result] = {}
    missing_modules = []
    with Gradebook(url, course_id(load_config(root))) as gb:
        for module in chosen:
            source = _source_tasks(root, module)
            try:
                assignment = gb.find_assignment(module)
            except MissingEntry:
                missing_modules.append(module)
                tasks[module] = source
                continue
            cells = {}
            for notebook in assignment.notebooks:
                for cell in notebook.grade_cells:
                    cells[(notebook.name, cell.name)] = (float(cell.max_score), cell.cell_type)
            order = [t for t in source if (t.notebook, t.grade_id) in cells]
            order += [Task(module, nb, gid, pts, kind != "code")
                      for (nb, gid), (pts, kind) in sorted(cells.items())
                      if not any((t.notebook, t.grade_id) == (nb, gid) for t in order)]
            tasks[module] = [Task(t.module, t.notebook, t.grade_id, cells[(t.notebook, t.grade_id)][0],
                                  t.manual) for t in order]
            max_score = sum(t.points for t in tasks[module])
            for submission in gb.assignment_submissions(module):
                learner = submission.student.id
                result = Result(learner, module, "graded", max_score=max_score)
                pending = False
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.manual_score is not None:
                            value = grade.manual_score + (grade.extra_credit or 0)
                        elif grade.auto_score is not None:
                            value = grade.auto_score + (grade.extra_credit or 0)
                        else:
                            value, pending = None, True
                        if grade.manual_score is None and grade.needs_manual_grade:
                            value, pending = None, True
                            result.waiting.add((notebook.name, grade.name))
                        result.scores[(notebook.name, grade.name)] = value
                if pending:
                    result.status = "needs manual grading"
                results[(learner, module)] = result

    learners = {learner for learner, _ in results} | {learner for learner, _ in by_key}
    for module in chosen:
        folder = root / "submitted"
        if folder.is_dir():
            learners |= {p.parent.name for p in folder.glob(f"*/{module}") if p.is_dir()}
    roster_ids = [r.learner_id for r in roster] if roster is not None else []
    learners |= set(roster_ids)
    for learner in sorted(learners):
        for module in chosen:
            if (learner, module) in results:
                continue
            record = by_key.get((learner, module))
            submitted = (root / "submitted" / learner / module).is_dir() and any(
                (root / "submitted" / learner / module).glob("*.ipynb"))
            if record is not None and record.get("status") == "failed":
                status = "grading failed"
            elif submitted:
                status = "submitted, not graded"
            elif roster is not None and learner not in roster_ids:
                continue  # known from another module only; nothing to say here
            else:
                status = "not submitted"
            results[(learner, module)] = Result(learner, module, status,
                                                max_score=sum(t.points for t in tasks[module]))

    for record in records:
        learner, module = str(record.get("learner")), str(record.get("module"))
        for flag in record.get("flags") or []:
            if isinstance(flag, dict):
                flags.append(Flag(learner, module, "grading", str(flag.get("code", "")),
                                  str(flag.get("reason", ""))))
            else:
                flags.append(Flag(learner, module, "grading", "", str(flag)))
        if record.get("status") == "failed" and not any(
                f.learner_id == learner and f.module == module for f in flags):
            flags.append(Flag(learner, module, "grading", "grading-failed",
                              "grading did not finish for this submission"))
    for row in read_collect_report(root):
        if not row.problem or (row.module and row.module not in chosen):
            continue
        if row.problem == "not a notebook" and not row.learner_id:
            continue  # stray files (.DS_Store, readme.txt): listed by collect, not anyone's submission
        flags.append(Flag(row.learner_id, row.module, "collect", row.problem,
                          f"{row.file}: {row.detail} ({row.action})"))
    if roster is not None:
        for (learner, module), result in sorted(results.items()):
            if learner not in roster_ids and result.status != "not submitted":
                flags.append(Flag(learner, module, "report", "not-in-roster",
                                  f"{learner} has a submission but is not in the roster"))
    ordered = sorted(results.values(), key=lambda r: (r.module, r.learner_id))
    return Cohort(chosen, tasks, ordered, flags, roster, isolation_summary(records), url,
                  missing_modules)
