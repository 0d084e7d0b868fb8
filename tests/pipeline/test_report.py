"""``ccexercise report``: grades.csv matches the gradebook; report.html and flagged.csv tell the story.

A small cohort, in a copy of the course conftest.py generates once per
session, is autograded with nbgrader itself; grading records (as
``ccexercise grade`` writes them, with flags) and a collect report are
written by hand, so this test does not depend on those commands.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from ccexercise import cli
from ccexercise.pipeline.collect import Learner, Row, write_collect_report
from ccexercise.pipeline.report import make_report

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
ISOLATION = "bubblewrap (no network, course and home folders hidden, read-only system)"
ROSTER = [Learner("asilva", "Ana Silva", "ana.silva@example.org"),
          Learner("bli", "Bo Li", "bo.li@example.org"),
          Learner("cmuller", "Chloé Müller", "c.mueller@example.org"),
          Learner("dnguyen", "Duc Nguyen", "duc.nguyen@example.org")]
ROSTER_CSV = ("learner_id,name,email\n" + "".join(f"{l.learner_id},{l.name},{l.email}\n"
                                                   for l in ROSTER))
BO_FLAG = {"code": "edited-test", "reason": "The locked test cell test_harmful_line was edited; "
                                             "the original was restored."}
# Bo's two wrong tasks (answer cell -> wrong answer); his score is everything else
BO_WRONG = {"answer_harmful_line": "harmful_line = 1",
            "answer_lost_revenue_5_years": "lost_revenue_5_years = 1"}


def expected_scores(kit) -> dict[str, float]:
    """Total score per learner, from the points in the solution's nbgrader metadata."""
    points, full = kit.autograded_points(MODULE), kit.full_points(MODULE)
    bo = full - sum(points["test_" + gid.removeprefix("answer_")] for gid in BO_WRONG)
    return {"asilva": full, "bli": bo, "cmuller": 0.0}


def shown(number: float) -> str:
    """A number as grades.csv and report.html write it (15, not 15.0)."""
    return f"{number:g}"


def record(learner, score, max_score, flags=(), status="graded"):
    return {"learner": learner, "module": MODULE, "status": status, "score": score,
            "max_score": max_score, "flags": list(flags), "isolation": ISOLATION, "seconds": 3.2,
            "finished_at": "2024-05-03T12:00:00+00:00", "sha256": "0" * 64, "retry": False}


@pytest.fixture(scope="module")
def cohort(new_course, kit, tmp_path_factory):
    """A graded cohort: Ana right, Bo two tasks wrong (and flagged), Chloé untouched, Duc absent."""
    base = tmp_path_factory.mktemp("report")
    root = new_course()
    model = kit.model_answers(MODULE)
    kit.make_submission(root, "asilva", MODULE, answers=model)
    kit.make_submission(root, "bli", MODULE, answers=dict(model, **BO_WRONG))
    kit.make_submission(root, "cmuller", MODULE)
    kit.run_nbgrader(root, "autograde", MODULE, "--force")
    records = root / ".ccexercise" / "grading" / MODULE
    records.mkdir(parents=True)
    scores = expected_scores(kit)
    for learner, flags in (("asilva", ()), ("bli", (BO_FLAG,)), ("cmuller", ())):
        (records / f"{learner}.json").write_text(json.dumps(
            record(learner, scores[learner], kit.max_points(MODULE), flags)))
    (records / "ghost.json").write_text('{"learner": "ghost", "stat')  # cut short: listed, not lost
    write_collect_report(root, [
        Row("batch.zip:Zoe Unknown_9_assignsubmission_file_lost_customer_cost.ipynb",
            "unknown learner", "no roster entry matches 'zoe unknown'",
            "set aside at .ccexercise/unplaced/batch/x.ipynb", "", MODULE),
        Row("batch.zip:.DS_Store", "not a notebook", "macOS Finder metadata", "ignored (not copied)"),
        Row("batch.zip:Ana Silva/lost_customer_cost.ipynb", "", "learner found", "placed at ...",
            "asilva", MODULE),
    ])
    (base / "roster.csv").write_text(ROSTER_CSV, encoding="utf-8")
    files = make_report(root, roster=ROSTER, out=base / "out")
    return root, files


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def gradebook_scores(root: Path, learner: str) -> dict[str, float | None]:
    """grade_id -> score, None for a cell still waiting for a mark by hand."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "ccexercise") as gb:
        nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
        return {g.name: None if g.needs_manual_grade else g.score for g in nb.grades}


def test_grades_csv_has_one_row_per_learner_and_module_learner_first(cohort, kit):
    _, files = cohort
    header, rows = read_csv(files.grades)
    assert header[:7] == ["learner_id", "name", "email", "module", "status", "score", "max_score"]
    assert [r["learner_id"] for r in rows] == ["asilva", "bli", "cmuller", "dnguyen"]
    assert {r["module"] for r in rows} == {MODULE}
    task_columns = header[7:]
    # every graded cell of the solution, in notebook order, with its points ("1 pt", "2 pts")
    assert task_columns == [f"{gid.removeprefix('test_')} ({shown(points)} "
                            f"{'pt' if points == 1 else 'pts'})"
                            for gid, points in kit.graded_points(MODULE).items()]
    assert task_columns[-1].startswith("reflection (")  # the hand-marked task comes last
    plain = re.compile(r"^(\d+(\.\d+)?)?$")
    for row in rows:
        for column in ["score", "max_score", *task_columns]:
            assert plain.match(row[column]), (column, row[column])


@pytest.mark.parametrize("learner", ["asilva", "bli", "cmuller"])
def test_grades_csv_values_are_the_gradebook_values(cohort, kit, learner):
    root, files = cohort
    header, rows = read_csv(files.grades)
    row = next(r for r in rows if r["learner_id"] == learner)
    expected = gradebook_scores(root, learner)
    by_task = {c.split(" (")[0]: c for c in header[7:]}
    assert len(expected) == len(header) - 7
    for grade_id, score in expected.items():
        cell = row[by_task[grade_id.removeprefix("test_")]]
        assert (None if cell == "" else float(cell)) == score, grade_id
    assert float(row["score"]) == sum(v for v in expected.values() if v is not None)
    assert row["max_score"] == shown(kit.max_points(MODULE))
    # nbgrader itself gives 0 to a reflection left blank; a written one waits for a mark
    pending = expected["reflection"] is None
    assert pending == (learner != "cmuller")
    assert row["status"] == ("needs manual grading" if pending else "graded")


def test_known_scores(cohort, kit):
    _, files = cohort
    _, rows = read_csv(files.grades)
    scores = {r["learner_id"]: r["score"] for r in rows}
    expected = {learner: shown(score) for learner, score in expected_scores(kit).items()}
    assert scores == {**expected, "dnguyen": ""}
    duc = next(r for r in rows if r["learner_id"] == "dnguyen")
    assert (duc["status"], duc["name"], duc["max_score"]) == (
        "not submitted", "Duc Nguyen", shown(kit.max_points(MODULE)))


def test_html_starts_with_the_isolation_level(cohort):
    _, files = cohort
    page = files.html.read_text(encoding="utf-8")
    body = page.split("<body>", 1)[1]
    first_text = re.sub(r"<[^>]+>", "", body.strip().split("\n", 1)[0])
    assert first_text == f"Grading isolation: {ISOLATION}"


def test_html_lists_flagged_and_missing_learners_and_embeds_its_charts(cohort):
    _, files = cohort
    page = files.html.read_text(encoding="utf-8")
    flagged = page.split("<h2>Flagged submissions</h2>", 1)[1].split("<h2>", 1)[0]
    assert "bli" in flagged and "edited-test" in flagged and "test_harmful_line was edited" in flagged
    assert "unknown learner" in flagged and "Zoe Unknown" in flagged
    assert ".DS_Store" not in flagged  # stray files are collect's business, not a flag
    absent = page.split("<h2>Not submitted</h2>", 1)[1].split("<h2>", 1)[0]
    assert "dnguyen" in absent and "Duc Nguyen" in absent
    assert "asilva" not in absent and "cmuller" not in absent
    assert page.count('src="data:image/png;base64,') == 2  # score histogram and task chart
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)  # self-contained


def test_html_lists_every_learner_with_status_and_score(cohort, kit):
    _, files = cohort
    page = files.html.read_text(encoding="utf-8")
    table = page.split("<h2>Results by learner</h2>", 1)[1]
    scores = expected_scores(kit)
    for learner, status, score in (("asilva", "needs manual grading", shown(scores["asilva"])),
                                   ("bli", "needs manual grading", shown(scores["bli"])),
                                   ("cmuller", "graded", "0"), ("dnguyen", "not submitted", "")):
        assert re.search(rf"<td>{learner}</td><td>[^<]*</td><td>{MODULE}</td><td>{status}</td>"
                         rf'<td class="num">{score}</td>', table), learner


def test_html_shows_tasks_most_often_missed(cohort):
    _, files = cohort
    page = files.html.read_text(encoding="utf-8")
    missed = page.split("<h2>Tasks most often missed</h2>", 1)[1].split("<h2>", 1)[0]
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]+)</td>", missed)
    # Bo and Chloé missed Bo's two wrong tasks; Chloé alone missed the rest
    assert set(rows[:2]) == {gid.removeprefix("answer_") for gid in BO_WRONG}
    assert "2</td><td class=\"num\">3</td>" in missed


def test_flagged_csv(cohort):
    _, files = cohort
    header, rows = read_csv(files.flagged)
    assert header == ["learner_id", "name", "module", "source", "code", "reason"]
    assert {(r["learner_id"], r["source"], r["code"]) for r in rows} == {
        ("bli", "grading", "edited-test"), ("", "collect", "unknown learner"),
        ("ghost", "report", "unreadable-record")}
    assert next(r for r in rows if r["learner_id"] == "bli")["name"] == "Bo Li"


def test_command_line(cohort, monkeypatch, capsys, tmp_path):
    root, _ = cohort
    (tmp_path / "roster.csv").write_text(ROSTER_CSV, encoding="utf-8")
    monkeypatch.chdir(root)
    assert cli.main(["report", MODULE, "--roster", str(tmp_path / "roster.csv"),
                     "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Grading isolation: {ISOLATION}"
    assert f"{MODULE}: 3 graded, 1 not submitted, 3 flag(s)" in out
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"grades.csv", "flagged.csv",
                                                              "report.html"}


def test_command_line_errors_name_what_is_allowed(cohort, monkeypatch, capsys, tmp_path):
    root, _ = cohort
    monkeypatch.chdir(root)
    assert cli.main(["report", "99_nope"]) == 2
    assert ("unknown module '99_nope'; the modules are: 00_what_is_customer_focus, "
            "01_lost_customer_cost") in capsys.readouterr().err
    assert cli.main(["report", "--db-url", f"sqlite:///{tmp_path / 'none.db'}"]) == 2
    assert "no gradebook at" in capsys.readouterr().err


# --------------------------------------------------------------------------
# Charts and public names (no nbgrader run)
# --------------------------------------------------------------------------

def test_cohort_charts_are_figures_made_without_pyplot():
    import subprocess
    import sys

    probe = ("import sys\n"
             "from ccexercise.views.cohort import score_histogram, task_share_chart\n"
             "from ccexercise.views import figure_to_png\n"
             "figure_to_png(score_histogram([1, 2], max_score=5, title='m'))\n"
             "figure_to_png(task_share_chart(['a'], full=[1], partial=[0], none=[1], title='m'))\n"
             "print('matplotlib.pyplot' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_task_share_chart_rejects_lists_of_different_lengths():
    from ccexercise.views.cohort import task_share_chart

    with pytest.raises(ValueError, match="same length, got 2, 1, 1, 1"):
        task_share_chart(["a", "b"], full=[1], partial=[0], none=[0], title="m")


@pytest.mark.parametrize("module_name", [
    "ccexercise.pipeline.build", "ccexercise.pipeline.collect",
    "ccexercise.pipeline.collect._identify", "ccexercise.pipeline.collect._input",
    "ccexercise.pipeline.collect._place", "ccexercise.pipeline.collect._report",
    "ccexercise.pipeline.course",
    "ccexercise.pipeline.feedback", "ccexercise.pipeline.grade",
    "ccexercise.pipeline.grade._run", "ccexercise.pipeline.grade._serial",
    "ccexercise.pipeline.grade._setup", "ccexercise.pipeline.grade._worker",
    "ccexercise.pipeline.integrity", "ccexercise.pipeline.integrity.answers",
    "ccexercise.pipeline.integrity.flags", "ccexercise.pipeline.integrity.inspection",
    "ccexercise.pipeline.integrity.judge", "ccexercise.pipeline.integrity.kernel_guard",
    "ccexercise.pipeline.integrity.outcomes", "ccexercise.pipeline.integrity.realign",
    "ccexercise.pipeline.integrity.sandbox", "ccexercise.pipeline.integrity.sandbox_provisioner",
    "ccexercise.pipeline.integrity.static_scan",
    "ccexercise.pipeline.report", "ccexercise.pipeline.report._cohort",
    "ccexercise.pipeline.report._files", "ccexercise.pipeline.report._html",
    "ccexercise.pipeline.report._tables", "ccexercise.pipeline.roster", "ccexercise.pipeline.stock",
    "ccexercise.sandbox_provisioner", "ccexercise.views.cohort"])
def test_public_names_are_sorted_and_defined(module_name):
    import importlib

    module = importlib.import_module(module_name)
    assert list(module.__all__) == sorted(set(module.__all__))
    assert [n for n in module.__all__ if not hasattr(module, n)] == []


def test_a_hand_marked_task_nobody_marked_is_not_marked_yet_with_a_count(cohort):
    """Ana's and Bo's reflections wait for a mark (they wrote one); Chloé's is the unchanged
    stub, which nbgrader scores 0 itself. So 2 wait and 1 has no points, not 3 "no points"."""
    root, files = cohort
    waiting = [learner for learner in ("asilva", "bli", "cmuller")
               if gradebook_scores(root, learner)["reflection"] is None]
    assert waiting == ["asilva", "bli"]
    page = files.html.read_text(encoding="utf-8")
    tasks = page.split("<h2>Tasks</h2>", 1)[1].split("<h2>", 1)[0]
    assert "2 hand-marked answer(s) are not marked yet" in tasks
    row = next(r for r in tasks.split("<tr>") if r.startswith("<td>reflection"))
    header = ["task", "notebook", "points", "learners scored", "full points", "some points",
              "no points", "not marked yet", "mean share of points"]
    values = dict(zip(header, [c for c in row.replace('<td class="num">', "<td>")
                               .split("<td>")[1:]]))
    assert values["no points"].startswith("1<") and values["not marked yet"].startswith("2<")
    assert values["learners scored"].startswith("1<")
