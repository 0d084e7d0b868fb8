"""The report's HTML page, ``report.html``: per-task statistics, charts and the Jinja2 template.

:func:`task_statistics` counts, per task, the learners with full, some or
no points; :func:`report_context` turns a cohort into the plain values
``templates/report.html.j2`` shows (charts embedded as PNG);
:func:`render_html` renders the self-contained page.
"""

from __future__ import annotations

import base64
from collections import Counter
from datetime import datetime

from ._cohort import Cohort
from ._tables import _number, flagged_rows

__all__ = ["render_html", "report_context", "task_statistics"]

#: How many of the most-missed tasks the HTML lists.
MOST_MISSED = 10


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

    from ...views import figure_to_png

    data = base64.b64encode(figure_to_png(fig, dpi=80)).decode("ascii")
    return Markup(f'<img alt="{escape(fig.axes[0].get_title())}" '
                  f'src="data:image/png;base64,{data}">')


def _percent(share: float | None) -> str:
    return "" if share is None else f"{share:.0%}"


def _template():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ccexercise.pipeline.report", "templates"),
        autoescape=True, trim_blocks=False, undefined=jinja2.StrictUndefined)
    return environment.get_template("report.html.j2")


def report_context(cohort: Cohort, *, title: str = "Cohort report") -> dict:
    """Everything ``templates/report.html.j2`` shows, as plain values (charts as safe <img>)."""
    from sqlalchemy.engine import make_url

    from ...views.cohort import score_histogram, task_share_chart

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
