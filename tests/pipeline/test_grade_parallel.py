"""Parallel ``ccexercise grade`` gives exactly the scores of stock serial nbgrader, and resumes.

A cohort of learners with mixed right, wrong, untouched and broken answers
is graded twice, in two copies of the course: by ``ccexercise grade``
(parallel, sandboxed) and by ``ccexercise grade --serial-nbgrader`` (stock
``nbgrader autograde``). Every cell's score must match. A second copy is
graded by a ``ccexercise grade`` that is killed with SIGKILL part-way and
then rerun: every submission must end up with one record and one gradebook
submission, with the stock scores.
"""

from __future__ import annotations

import ast
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.grading

COHORT = 20
RESUME_COHORT = 8
SEED = 20240601


def _first_name(source: str) -> str | None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
    return None


def _variant(kind: str, model: str) -> str | None:
    """An answer cell's source of the given kind (None: leave the released stub)."""
    name = _first_name(model) or "answer"
    return {
        "right": model,
        "untouched": None,
        # text for a number, a number for text: the wrong type whatever the task asks for
        "wrong_type": f"{model}\n{name} = len({name}) if isinstance({name}, str) else str({name})",
        "wrong_value": f"{model}\n{name} = None",
        "exception": f"1 / 0\n{model}",
        "syntax_error": f"{model}\n{name} = (",
        "name_error": f"{name} = no_such_variable",
    }[kind]


KINDS = ("right", "right", "right", "untouched", "wrong_type", "wrong_value", "exception",
         "syntax_error", "name_error")


def cohort(kit, count: int = COHORT, module: str | None = None) -> dict[str, dict[str, str]]:
    """learner -> {answer grade_id: source}; learner 0 all right, learner 1 all untouched."""
    module = module or kit.MODULE
    answers = {gid: src for gid, src in kit.model_answers(module).items()
               if gid.startswith("answer_")}
    rng = random.Random(SEED)
    learners = {}
    for number in range(count):
        if number == 0:
            kinds = ["right"] * len(answers)
        elif number == 1:
            kinds = ["untouched"] * len(answers)
        else:
            kinds = [rng.choice(KINDS) for _ in answers]
        chosen = {}
        for (gid, model), kind in zip(answers.items(), kinds):
            source = _variant(kind, model)
            if source is not None:
                chosen[gid] = source
        learners[f"learner{number:02d}"] = chosen
    return learners


def submit_cohort(kit, root, learners) -> None:
    for learner, answers in learners.items():
        kit.make_submission(root, learner, answers=answers)


def all_grades(kit, root, learners, db_url=None) -> dict[str, dict[str, float]]:
    return {learner: kit.gradebook_grades(root, kit.MODULE, learner, db_url=db_url)
            for learner in learners}


@pytest.fixture(scope="module")
def learners(kit):
    return cohort(kit)


@pytest.fixture(scope="module")
def stock(new_course, kit, learners):
    """The cohort graded by stock serial nbgrader (through --serial-nbgrader)."""
    root = new_course()
    submit_cohort(kit, root, learners)
    result = kit.run_cli(root, "grade", "--serial-nbgrader", "--timeout", "10", check=False)
    return root, result, all_grades(kit, root, learners)


@pytest.fixture(scope="module")
def parallel(new_course, kit, learners):
    root = new_course()
    submit_cohort(kit, root, learners)
    started = time.monotonic()
    result = kit.run_cli(root, "grade", "--jobs", "2", "--timeout", "10")
    return root, result, all_grades(kit, root, learners), time.monotonic() - started


def test_the_cohort_mixes_right_wrong_and_broken_answers(stock, kit, learners):
    _, _, grades = stock
    totals = sorted(sum(v or 0 for v in g.values()) for g in grades.values())
    assert len(learners) >= 20
    assert totals[0] == 0 and totals[-1] == kit.full_points()
    assert len(set(totals)) >= 5, totals


def test_parallel_scores_equal_stock_serial_nbgrader_cell_by_cell(stock, parallel):
    _, stock_result, stock_grades = stock
    _, result, grades, _ = parallel
    assert stock_result.stdout.startswith("isolation: none (stock nbgrader autograde")
    assert grades == stock_grades


def test_records_match_the_gradebook(parallel, kit, learners):
    root, _, grades, _ = parallel
    for learner in learners:
        record = json.loads((root / ".ccexercise" / "grading" / kit.MODULE /
                             f"{learner}.json").read_text())
        assert record["status"] == "graded"
        assert record["score"] == sum(v or 0 for v in grades[learner].values())
        assert record["max_score"] == kit.max_points()
        assert len(record["sha256"]) == 64 and record["finished_at"]


def test_a_rerun_skips_graded_work_and_regrades_a_changed_submission(parallel, kit, learners):
    root, _, _, _ = parallel
    again = kit.run_cli(root, "grade", "--jobs", "2")
    assert f"0 graded, 0 failed, 0 missing, {len(learners)} already up to date" in again.stdout
    changed = "learner01"   # hands in again, now with every answer right
    kit.make_submission(root, changed, answers="model")
    third = kit.run_cli(root, "grade", "--jobs", "2")
    assert f"1 graded, 0 failed, 0 missing, {len(learners) - 1} already up to date" \
        in third.stdout
    assert sum(v or 0 for v in kit.gradebook_grades(root, kit.MODULE, changed).values()) == \
        kit.full_points()


def _records(root, module):
    folder = root / ".ccexercise" / "grading" / module
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_killed_run_resumes_without_losing_or_duplicating_grades(new_course, kit, learners,
                                                                  stock, tmp_path):
    from nbgrader.api import Gradebook

    _, _, stock_grades = stock
    root = new_course()
    learners = dict(list(learners.items())[:RESUME_COHORT])
    submit_cohort(kit, root, learners)
    # The gradebook lives outside the course and is named by --db-url all the way through.
    db = tmp_path / "elsewhere" / "grades.db"
    db.parent.mkdir()
    shutil.copy(root / "gradebook.db", db)
    db_url = f"sqlite:///{db}"
    command = [sys.executable, "-m", "ccexercise.cli", "grade", "--jobs", "2",
               "--timeout", "10", "--db-url", db_url]
    process = subprocess.Popen(command, cwd=root, env=kit.nbgrader_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not _records(root, kit.MODULE) and time.monotonic() < deadline:
            assert process.poll() is None, "grade finished before it could be killed"
            time.sleep(0.1)
        assert _records(root, kit.MODULE), "no record appeared"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    before = len(_records(root, kit.MODULE))
    assert 0 < before < len(learners), before

    result = kit.run_cli(root, "grade", "--jobs", "2", "--timeout", "10", "--db-url", db_url)
    graded = len(learners) - before
    assert (f"{graded} graded, 0 failed, 0 missing, {before} already up to date"
            in result.stdout), result.stdout
    folder = root / ".ccexercise" / "grading" / kit.MODULE
    assert sorted(p.stem for p in _records(root, kit.MODULE)) == sorted(learners)
    assert not [p for p in folder.iterdir() if p.suffix != ".json"], "temporary files left"
    with Gradebook(db_url, "ccexercise") as gb:
        submissions = gb.find_assignment(kit.MODULE).submissions
        assert sorted(s.student.id for s in submissions) == sorted(learners)
    assert all_grades(kit, root, learners, db_url=db_url) == {
        learner: stock_grades[learner] for learner in learners}
    for path in _records(root, kit.MODULE):
        record = json.loads(path.read_text())
        assert record["score"] == sum(v or 0 for v in stock_grades[record["learner"]].values())
    # The course's own gradebook was never written.
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "ccexercise") as gb:
        assert gb.find_assignment(kit.MODULE).submissions == []
