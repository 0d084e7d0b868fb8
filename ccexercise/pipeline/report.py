"""The cohort report: grades for a spreadsheet or an LMS, flagged submissions, and an HTML summary.

:func:`make_report` reads the gradebook (through nbgrader's API, so SQLite
or PostgreSQL), the grading records of ``ccexercise grade``
(``.ccexercise/grading/<module>/<learner>.json``), the last collect report
and, when given, the roster, and writes three files:

``grades.csv``
    one row per learner and module, learner first, plain numbers, no index
    column. The columns, in order:

    * ``learner_id``, ``name``, ``email`` (name and e-mail from the roster,
      empty without one);
    * ``module``;
    * ``status``: ``graded``; ``needs manual grading`` (a task marked by hand
      has no mark yet: its column is empty and ``score`` leaves it out);
      ``not submitted``; ``grading failed``; ``submitted, not graded``;
    * ``score`` and ``max_score``: the total and the most it can be (score
      empty when there is nothing graded);
    * one column per graded cell, in notebook order, named after the task
      and its points, e.g. ``lost_revenue_5_years (2 pts)``: the points
      scored. A task name used by two modules (or two notebooks) is
      prefixed with its module (and notebook) to keep columns apart.
      Columns of other modules' tasks are empty.

``flagged.csv``
    one row per problem: ``learner_id``, ``name``, ``module``, ``source``
    (``grading``: a flag or failure of ``ccexercise grade``; ``collect``: a
    problem ``ccexercise collect`` found; ``report``: found while
    reporting), ``code`` and ``reason``.

``report.html``
    a self-contained page (charts embedded as PNG): the isolation level
    grading used, first; then per module the score distribution, each
    task's share of learners with full, some or no points, the tasks most
    often missed, who has not submitted, the flagged submissions, and every
    learner's status and score.
"""

from __future__ import annotations

import base64
import csv
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .build import course_config, resolve_db_url, select_modules
from .collect import Learner, read_collect_report

__all__ = ["Cohort", "FLAGGED_COLUMNS", "GRADES_FIXED_COLUMNS", "ReportFiles", "Task",
           "flagged_rows", "gather", "grades_rows", "isolation_summary", "load_grading_records",
           "make_report", "render_html", "task_columns", "task_statistics"]

GRADES_FIXED_COLUMNS = ("learner_id", "name", "email", "module", "status", "score", "max_score")
FLAGGED_COLUMNS = ("learner_id", "name", "module", "source", "code", "reason")

#: How many of the most-missed tasks the HTML lists.
MOST_MISSED = 10


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
    from .records import load_records, records_dir

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


def _course_id(root: Path) -> str:
    return course_config(root).get("CourseDirectory", {}).get("course_id") or "default_course"


def gather(root: str | os.PathLike, requested: list[str] | None = None, *,
           roster: list[Learner] | None = None, db_url: str | None = None) -> Cohort:
    """Read gradebook, records, collect report and roster into a :class:`Cohort`."""
    from nbgrader.api import Gradebook, MissingEntry

    from .build import nbgrader_env

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
    with Gradebook(url, _course_id(root)) as gb:
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


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

def _number(value: float | None) -> str:
    """A plain number for a spreadsheet: no thousands separator, no trailing zeros.

    >>> _number(2.0), _number(1.25), _number(None), _number(1/3)
    ('2', '1.25', '', '0.3333')
    """
    if value is None:
        return ""
    value = round(float(value), 4)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _text(value: str) -> str:
    """Text for a CSV cell; a leading = + - @ is escaped so a spreadsheet does not run it."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _pts(points: float) -> str:
    return f"{_number(points)} pt{'s' if points != 1 else ''}"


def task_columns(cohort: Cohort) -> dict[tuple[str, str, str], str]:
    """(module, notebook, grade_id) -> column name, in module and notebook order."""
    everything = [t for m in cohort.modules for t in cohort.tasks[m]]
    names = Counter(t.name for t in everything)
    per_module = Counter((t.module, t.name) for t in everything)
    columns = {}
    for t in everything:
        label = t.name
        if per_module[(t.module, t.name)] > 1:
            label = f"{t.notebook}: {label}"
        if names[t.name] > 1 and len({x.module for x in everything if x.name == t.name}) > 1:
            label = f"{t.module} {label}"
        columns[(t.module, t.notebook, t.grade_id)] = f"{label} ({_pts(t.points)})"
    return columns


def grades_rows(cohort: Cohort) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of ``grades.csv``."""
    columns = task_columns(cohort)
    header = list(GRADES_FIXED_COLUMNS) + list(columns.values())
    rows = []
    for result in sorted(cohort.results, key=lambda r: (r.learner_id, r.module)):
        learner = cohort.learner(result.learner_id)
        row = {"learner_id": result.learner_id, "name": _text(learner.name if learner else ""),
               "email": _text(learner.email if learner else ""), "module": result.module,
               "status": result.status, "score": _number(result.score),
               "max_score": _number(result.max_score)}
        for (module, notebook, grade_id), column in columns.items():
            row[column] = (_number(result.scores.get((notebook, grade_id)))
                           if module == result.module else "")
        rows.append(row)
    return header, rows


def flagged_rows(cohort: Cohort) -> list[dict[str, str]]:
    """The rows of ``flagged.csv``."""
    rows = []
    for flag in cohort.flags:
        learner = cohort.learner(flag.learner_id)
        rows.append({"learner_id": flag.learner_id, "name": _text(learner.name if learner else ""),
                     "module": flag.module, "source": flag.source, "code": _text(flag.code),
                     "reason": _text(flag.reason)})
    return sorted(rows, key=lambda r: (r["learner_id"] == "", r["learner_id"], r["module"]))


def _write_csv(path: Path, header, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header))
        writer.writeheader()
        writer.writerows(rows)


# --------------------------------------------------------------------------
# Statistics for the HTML
# --------------------------------------------------------------------------

def task_statistics(cohort: Cohort, module: str) -> list[dict]:
    """Per task of ``module``: learners scored, with full / some / no points, not marked yet,
    mean share of points. A hand-marked task nobody has marked is "not marked yet", never "no points".
    """
    graded = [r for r in cohort.results if r.module == module and r.scores]
    stats = []
    for task in cohort.tasks[module]:
        key = (task.notebook, task.grade_id)
        waiting = sum(1 for r in graded if key in r.waiting)
        values = [r.scores.get(key) for r in graded if key not in r.waiting]
        values = [v for v in values if v is not None]
        full = sum(1 for v in values if task.points and v >= task.points - 1e-9)
        none = sum(1 for v in values if v <= 1e-9)
        share = (sum(values) / (len(values) * task.points)) if values and task.points else None
        stats.append({"task": task, "scored": len(values), "full": full,
                      "partial": len(values) - full - none, "none": none, "waiting": waiting,
                      "mean_share": share})
    return stats


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1A1A1A;
       max-width: 1100px; margin: 1.5em auto; padding: 0 1em; line-height: 1.45; }
.isolation { font-size: 1.15em; padding: .6em .9em; border-left: 6px solid #0072B2;
             background: #EEF5FB; margin: 0 0 1em 0; }
table { border-collapse: collapse; margin: .5em 0 1.5em 0; }
th, td { border: 1px solid #D9D9D9; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #F4F4F4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; }
.muted { color: #555555; }
"""


def _png(fig):
    from markupsafe import Markup, escape

    from ..views import figure_to_png

    data = base64.b64encode(figure_to_png(fig, dpi=80)).decode("ascii")
    return Markup(f'<img alt="{escape(fig.axes[0].get_title())}" '
                  f'src="data:image/png;base64,{data}">')


def _percent(share: float | None) -> str:
    return "" if share is None else f"{share:.0%}"


def _template():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ccexercise.pipeline", "templates"),
        autoescape=True, trim_blocks=False, undefined=jinja2.StrictUndefined)
    return environment.get_template("report.html.j2")


def report_context(cohort: Cohort, *, title: str = "Cohort report") -> dict:
    """Everything ``templates/report.html.j2`` shows, as plain values (charts as safe <img>)."""
    from sqlalchemy.engine import make_url

    from ..views.cohort import score_histogram, task_share_chart

    flagged = {(f.learner_id, f.module) for f in cohort.flags}
    summary = []
    for module in cohort.modules:
        rows = [r for r in cohort.results if r.module == module]
        scores = [r.score for r in rows if r.scores and r.score is not None]
        count = Counter(r.status for r in rows)
        summary.append([module, len(rows), len(rows) - count["not submitted"], count["graded"],
                        count["needs manual grading"], count["not submitted"],
                        count["grading failed"] + count["submitted, not graded"],
                        sum(1 for r in rows if (r.learner_id, module) in flagged),
                        f"{sum(scores) / len(scores):.1f}" if scores else "",
                        _number(rows[0].max_score) if rows else ""])
    histograms = []
    for module in cohort.modules:
        rows = [r for r in cohort.results if r.module == module and r.scores]
        max_score = sum(t.points for t in cohort.tasks[module])
        if max_score > 0:
            histograms.append(_png(score_histogram([r.score or 0 for r in rows],
                                                   max_score=max_score, title=module)))
    task_tables, missed = [], []
    for module in cohort.modules:
        stats = task_statistics(cohort, module)
        if not stats:
            continue
        chart = None
        if any(s["scored"] for s in stats):
            chart = _png(task_share_chart([s["task"].name for s in stats],
                                          full=[s["full"] for s in stats],
                                          partial=[s["partial"] for s in stats],
                                          none=[s["none"] for s in stats], title=module))
        waiting = sum(s["waiting"] for s in stats)
        task_tables.append({
            "name": module, "chart": chart,
            "waiting": (f"{waiting} hand-marked answer(s) are not marked yet (mark them in the "
                        f"Formgrader); they are left out of the counts until they are.")
            if waiting else "",
            "rows": [[s["task"].name + (" (marked by hand)" if s["task"].manual else ""),
                      s["task"].notebook, _number(s["task"].points), s["scored"], s["full"],
                      s["partial"], s["none"], s["waiting"] or "", _percent(s["mean_share"])]
                     for s in stats]})
        missed += [(module, s) for s in stats if s["scored"] and s["scored"] - s["full"] > 0]
    # most learners who missed it first; then the larger share of those scored
    missed.sort(key=lambda m: (-(m[1]["scored"] - m[1]["full"]),
                               -(m[1]["scored"] - m[1]["full"]) / m[1]["scored"]))
    absent = []
    for r in cohort.results:
        if r.status == "not submitted":
            learner = cohort.learner(r.learner_id)
            absent.append([r.module, r.learner_id, learner.name if learner else "",
                           learner.email if learner else ""])
    flag_counts = Counter((f.learner_id, f.module) for f in cohort.flags)
    by_learner = []
    for r in sorted(cohort.results, key=lambda r: (r.learner_id, r.module)):
        learner = cohort.learner(r.learner_id)
        by_learner.append([r.learner_id, learner.name if learner else "", r.module, r.status,
                           _number(r.score), _number(r.max_score),
                           flag_counts[(r.learner_id, r.module)] or ""])
    return {
        "title": title, "style": _STYLE, "isolation": cohort.isolation,
        "made": f"{datetime.now():%Y-%m-%d %H:%M}",
        "gradebook": make_url(cohort.db_url).render_as_string(hide_password=True),
        "modules": cohort.modules, "not_in_gradebook": cohort.not_in_gradebook,
        "summary": summary, "histograms": histograms, "task_tables": task_tables,
        "missed": [[m, s["task"].name, _number(s["task"].points), s["scored"] - s["full"],
                    s["scored"], _percent((s["scored"] - s["full"]) / s["scored"]),
                    _percent(s["mean_share"])] for m, s in missed[:MOST_MISSED]],
        "no_roster": cohort.roster is None, "absent": absent,
        "flagged": [[r["learner_id"] or "(unknown)", r["module"], r["source"],
                     r["code"].lstrip("'"), r["reason"].lstrip("'")]
                    for r in flagged_rows(cohort)],
        "by_learner": by_learner,
    }


def render_html(cohort: Cohort, *, title: str = "Cohort report") -> str:
    """The self-contained HTML report (a Jinja2 template); the grading isolation level comes first."""
    return _template().render(**report_context(cohort, title=title)) + "\n"


@dataclass
class ReportFiles:
    """The files :func:`make_report` wrote, and the cohort it read."""

    grades: Path
    flagged: Path
    html: Path
    cohort: Cohort


def make_report(root: str | os.PathLike, requested: list[str] | None = None, *,
                roster: list[Learner] | None = None, out: str | os.PathLike | None = None,
                db_url: str | None = None) -> ReportFiles:
    """Write ``grades.csv``, ``flagged.csv`` and ``report.html`` into ``out`` (default ``<root>/reports``)."""
    root = Path(root)
    cohort = gather(root, requested, roster=roster, db_url=db_url)
    folder = Path(out) if out else root / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    header, rows = grades_rows(cohort)
    _write_csv(folder / "grades.csv", header, rows)
    _write_csv(folder / "flagged.csv", FLAGGED_COLUMNS, flagged_rows(cohort))
    (folder / "report.html").write_text(
        render_html(cohort, title=f"Cohort report: {_course_id(root)}"), encoding="utf-8")
    return ReportFiles(folder / "grades.csv", folder / "flagged.csv", folder / "report.html", cohort)
