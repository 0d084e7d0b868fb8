"""``ccexercise grade`` on hostile and broken submissions: every case has a defined outcome.

One course copy, one adversarial cohort, ONE real ``ccexercise grade`` run
(module-scoped fixture); each test then reads the gradebook (nbgrader's
Gradebook API), the records and the autograded notebooks.

Each hostile learner spoils one or a few tasks of module 01's notebook; the
expected totals are worked out from the points in the solution's nbgrader
metadata (``kit.autograded_points()``, ``kit.full_points()``), not typed in, so
the tests follow the exercise when its tasks or points change.
"""

from __future__ import annotations

import json
import os
import shutil
import socket

import nbformat
import pytest

pytestmark = pytest.mark.grading

MODULE = "01_lost_customer_cost"
NOTEBOOK = "lost_customer_cost"
TIMEOUT = 5

LIAR = '''
class Liar(int):
    """Claims to equal anything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __hash__ = int.__hash__
lost_revenue_5_years = Liar(5)
'''

PATCH_ATTR = '''
import ccexercise.grading as g
g.exactly = lambda *a, **k: True
harmful_line = 4
'''

# Written straight to the kernel's own stdout (file descriptor 1), not to the notebook.
SHOUT = "import os\nos.write(1, b'SHOUTED-AT-THE-GRADER\\n')\n"

PATCH_SYS_MODULES = '''
import sys, types
fake = types.ModuleType("ccexercise.grading")
fake.exactly = lambda *a, **k: True
fake.expect_type = lambda *a, **k: None
sys.modules["ccexercise.grading"] = fake
call_first = "A"
'''

PATCH_HOOK = '''
def _cheat(*args):
    import ccexercise.grading
    ccexercise.grading.exactly = lambda *a, **k: True
get_ipython().events.register("pre_run_cell", _cheat)
quiet_hour = "A"
'''

PATCH_CODE = '''
import ccexercise.grading as g
g.exactly.__code__ = (lambda *a, **k: True).__code__
clinic_prices = "B"
'''

REDEFINE_HELPERS = '''
def exactly(*args, **kwargs):
    return True
def expect_type(*args, **kwargs):
    return None
_exactly = exactly
lost_revenue_5_years = 50000
'''


def _snoop(root, port):
    """Answers that only come out right if the kernel can read what it must not."""
    return {
        "answer_harmful_line": (
            "import re\n"
            "text = open('../../../solutions/01_lost_customer_cost/'\n"
            "            'lost_customer_cost.ipynb').read()\n"
            "harmful_line = int(re.search(r'harmful_line = (\\d+)', text).group(1))"),
        "answer_call_first": "open('../../../gradebook.db', 'rb').read(16)\ncall_first = 'C'",
        "answer_lost_profit_5_years": (f"open({str(root / 'nbgrader_config.py')!r}).read()\n"
                                       "lost_profit_5_years = 14000"),
        "answer_quiet_hour": (
            "open('../../../submitted/model/01_lost_customer_cost/lost_customer_cost.ipynb')"
            ".read()\nquiet_hour = 'B'"),
        "answer_fix_first": (f"import socket\nsocket.create_connection(('127.0.0.1', {port}), "
                             "timeout=3).close()\nfix_first = 'B'"),
    }


def _edit_test_cell(kit, grade_id, source):
    def edit(nb):
        nb.cells[kit.cell_index(nb, grade_id)].source = source
    return edit


def _delete_cell(kit, grade_id):
    def edit(nb):
        del nb.cells[kit.cell_index(nb, grade_id)]
    return edit


def _copy_answer_cell(kit, grade_id, *, same_id: bool):
    def edit(nb):
        index = kit.cell_index(nb, grade_id)
        copy = nbformat.from_dict(json.loads(json.dumps(nb.cells[index])))
        if not same_id:
            copy["id"] = "copied-cell"
            nb.cells[index].source = nb.cells[index].source.split("\n")[0]  # the stub only
        nb.cells.insert(index + 1, copy)
    return edit


@pytest.fixture(scope="module")
def graded(course, kit):
    """The cohort below graded once by the real CLI: (root, CLI result, records by learner)."""
    root = course
    model = kit.model_answers()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]

    def submit(learner, **changes):
        kit.make_submission(root, learner, answers=dict(model, **changes.pop("answers", {})),
                            **changes)

    submit("model")
    submit("edited_test", answers={"answer_lost_revenue_5_years": "lost_revenue_5_years = 50000"},
           edit=_edit_test_cell(kit, "test_lost_revenue_5_years", "pass"))
    submit("deleted_test_right", edit=_delete_cell(kit, "test_harmful_line"))
    submit("deleted_test_wrong", answers={"answer_harmful_line": "harmful_line = 1"},
           edit=_delete_cell(kit, "test_harmful_line"))
    submit("duplicated_cell", edit=_copy_answer_cell(kit, "answer_harmful_line", same_id=False))
    submit("duplicated_id", edit=_copy_answer_cell(kit, "answer_harmful_line", same_id=True))
    submit("liar", answers={"answer_lost_revenue_5_years": LIAR})
    submit("patch_attr", answers={"answer_harmful_line": PATCH_ATTR})
    submit("patch_sys_modules", answers={"answer_call_first": PATCH_SYS_MODULES})
    submit("patch_hook", answers={"answer_quiet_hour": PATCH_HOOK})
    submit("patch_code", answers={"answer_clinic_prices": PATCH_CODE})
    submit("redefine_helpers", answers={"answer_lost_revenue_5_years": REDEFINE_HELPERS})
    submit("sys_exit", answers={"answer_call_first": 'import sys\nsys.exit(0)\ncall_first = "C"'})
    submit("os_exit", answers={"answer_lost_profit_5_years": "import os\nos._exit(1)"})
    submit("infinite_loop", answers={"answer_tomas": "while True:\n    pass\n"
                                                     + model["answer_tomas"]})
    submit("memory_hog", answers={"answer_harmful_line":
                                  "hog = bytearray(8 * 1024**3)\nharmful_line = 3"})
    submit("snoop", answers=_snoop(root, port))
    submit("shouter", answers={"answer_lost_revenue_5_years":
                               SHOUT + model["answer_lost_revenue_5_years"]})
    good = (root / "submitted" / "model" / MODULE / f"{NOTEBOOK}.ipynb").read_text()
    kit.make_submission(root, "invalid_json", raw=good[: len(good) // 2])
    kit.make_submission(root, "not_a_notebook", raw="Dear trainer, here is my essay.")
    kit.make_submission(root, "json_not_a_notebook", raw="[1, 2, 3]")
    (root / "submitted" / "missing" / MODULE).mkdir(parents=True)
    (root / "submitted" / "missing" / MODULE / "notes.txt").write_text("forgot it")
    (root / "submitted" / "renamed" / MODULE).mkdir(parents=True)
    shutil.copy(root / "submitted" / "model" / MODULE / f"{NOTEBOOK}.ipynb",
                root / "submitted" / "renamed" / MODULE / "my work.ipynb")
    try:
        result = kit.run_cli(root, "grade", "--timeout", str(TIMEOUT), "--jobs", "2",
                             check=False)
    finally:
        listener.close()
    records = {}
    for path in (root / ".ccexercise" / "grading" / MODULE).glob("*.json"):
        record = json.loads(path.read_text())
        records[record["learner"]] = record
    return root, result, records


def test_kernels_print_nothing_on_the_graders_terminal(graded, kit):
    """Neither ipykernel's connection banner nor learner code writing to the kernel's
    stdout reaches the instructor's terminal; the learner who did it is graded as usual."""
    root, result, _records = graded
    for text in ("SHOUTED-AT-THE-GRADER", "To connect another client", "--existing"):
        assert text not in result.stdout + result.stderr, text
    assert _total(kit, root, "shouter") == kit.full_points()


def _total(kit, root, learner) -> float:
    grades = kit.gradebook_grades(root, MODULE, learner)
    return sum(grades[gid] or 0 for gid in kit.autograded_points())


def _codes(records, learner) -> set[str]:
    return {f["code"] for f in records[learner]["flags"]}


def _outputs(root, learner, grade_id, kit) -> list[dict]:
    nb = nbformat.read(root / "autograded" / learner / MODULE / f"{NOTEBOOK}.ipynb",
                       as_version=4)
    return nb.cells[kit.cell_index(nb, grade_id)].outputs


def test_the_cohort_run_completes_and_every_submission_has_a_record(graded):
    root, result, records = graded
    assert result.returncode == 0, result.stdout + result.stderr
    learners = sorted(p.name for p in (root / "submitted").iterdir())
    assert sorted(records) == learners
    assert result.stdout.splitlines()[0].startswith("isolation: ")
    for record in records.values():
        assert record["status"] in ("graded", "failed", "missing")
        for item in record["flags"]:
            assert item["code"] and len(item["reason"]) > 20, item
        assert record["isolation"] == result.stdout.splitlines()[0].removeprefix("isolation: ")


def test_model_answer_scores_full_marks_without_flags(graded, kit):
    root, _, records = graded
    assert _total(kit, root, "model") == kit.full_points()
    assert records["model"]["flags"] == []
    assert records["model"]["score"] == kit.full_points()
    assert records["model"]["max_score"] == kit.max_points()


def test_edited_test_cell_is_graded_as_released_and_flagged(graded, kit):
    root, _, records = graded
    grades = kit.gradebook_grades(root, MODULE, "edited_test")
    assert grades["test_lost_revenue_5_years"] == 0
    assert _total(kit, root, "edited_test") == (
        kit.full_points() - kit.autograded_points()["test_lost_revenue_5_years"])
    assert "test-cell-edited" in _codes(records, "edited_test")


@pytest.mark.parametrize("learner,lost", [("deleted_test_right", ()),
                                          ("deleted_test_wrong", ("test_harmful_line",))])
def test_deleted_test_cell_is_restored_graded_and_flagged(graded, kit, learner, lost):
    root, _, records = graded
    points = kit.autograded_points()
    assert _total(kit, root, learner) == kit.full_points() - sum(points[t] for t in lost)
    nb = nbformat.read(root / "autograded" / learner / MODULE / f"{NOTEBOOK}.ipynb", as_version=4)
    kit.cell_index(nb, "test_harmful_line")  # back in the notebook
    assert "test-cell-deleted" in _codes(records, learner)


@pytest.mark.parametrize("learner", ["duplicated_cell", "duplicated_id"])
def test_copied_cells_are_repaired_graded_and_flagged(graded, kit, learner):
    root, _, records = graded
    assert records[learner]["status"] == "graded"
    assert _total(kit, root, learner) == kit.full_points()
    assert "duplicate-cell" in _codes(records, learner)


def test_a_value_that_lies_about_equality_scores_zero_on_its_task(graded, kit):
    root, _, records = graded
    grades = kit.gradebook_grades(root, MODULE, "liar")
    assert grades["test_lost_revenue_5_years"] == 0
    assert _total(kit, root, "liar") == (
        kit.full_points() - kit.autograded_points()["test_lost_revenue_5_years"])
    assert "custom-equality" in _codes(records, "liar")


@pytest.mark.parametrize("learner,task,code", [
    ("patch_attr", "test_harmful_line", "grading-module-patched"),
    ("patch_sys_modules", "test_call_first", "runtime-tampering"),
    ("patch_hook", "test_quiet_hour", "runtime-tampering"),
    ("patch_code", "test_clinic_prices", "runtime-tampering"),
    ("redefine_helpers", "test_lost_revenue_5_years", "helper-redefined"),
])
def test_redefined_helpers_are_flagged_and_not_trusted(graded, kit, learner, task, code):
    root, _, records = graded
    points = kit.autograded_points()
    grades = kit.gradebook_grades(root, MODULE, learner)
    assert grades[task] == 0, "the hidden test trusted a helper the learner replaced"
    assert _total(kit, root, learner) == kit.full_points() - points[task]
    assert code in _codes(records, learner), records[learner]["flags"]


def test_sys_exit_is_caught_flagged_and_the_rest_still_runs(graded, kit):
    root, _, records = graded
    points = kit.autograded_points()
    assert _total(kit, root, "sys_exit") == kit.full_points() - points["test_call_first"]
    assert kit.gradebook_grades(root, MODULE, "sys_exit")["test_call_first"] == 0
    assert "kernel-exit" in _codes(records, "sys_exit")


def test_a_dead_kernel_keeps_earlier_scores_zeroes_later_ones_and_is_flagged(graded, kit):
    root, _, records = graded
    grades = kit.gradebook_grades(root, MODULE, "os_exit")
    points = kit.autograded_points()  # in notebook order
    tests = list(points)
    before = tests[:tests.index("test_lost_profit_5_years")]  # the tests above the dying cell
    assert before, "the kernel should die after at least one scored task"
    for gid, earned in points.items():
        assert grades[gid] == (earned if gid in before else 0), gid
    assert records["os_exit"]["status"] == "graded"
    assert records["os_exit"]["score"] == sum(points[gid] for gid in before)
    assert {"kernel-died", "kernel-exit"} <= _codes(records, "os_exit")
    died = [f["reason"] for f in records["os_exit"]["flags"] if f["code"] == "kernel-died"]
    assert "answer_lost_profit_5_years" in died[0]


def test_an_infinite_loop_times_out_is_flagged_and_the_rest_runs(graded, kit):
    root, _, records = graded
    grades = kit.gradebook_grades(root, MODULE, "infinite_loop")
    assert grades["test_tomas"] == 0
    assert _total(kit, root, "infinite_loop") == (
        kit.full_points() - kit.autograded_points()["test_tomas"])
    assert "timeout" in _codes(records, "infinite_loop")
    assert records["infinite_loop"]["seconds"] < 60


def test_a_memory_hog_is_stopped_by_the_cap_and_flagged(graded, kit):
    root, _, records = graded
    assert kit.gradebook_grades(root, MODULE, "memory_hog")["test_harmful_line"] == 0
    assert _total(kit, root, "memory_hog") == (
        kit.full_points() - kit.autograded_points()["test_harmful_line"])
    assert "memory-limit" in _codes(records, "memory_hog")


@pytest.mark.parametrize("learner", ["invalid_json", "not_a_notebook", "json_not_a_notebook"])
def test_a_file_that_is_not_a_notebook_fails_with_a_readable_reason(graded, learner):
    _, _, records = graded
    record = records[learner]
    assert record["status"] == "failed" and record["score"] == 0
    assert record["retry"] is False
    assert [f["code"] for f in record["flags"]] == ["invalid-notebook"]
    assert "notebook" in record["flags"][0]["reason"].lower() \
        or "json" in record["flags"][0]["reason"].lower()


@pytest.mark.parametrize("learner,codes", [("missing", {"missing-notebook"}),
                                           ("renamed", {"missing-notebook", "unknown-notebook"})])
def test_a_missing_notebook_is_recorded_as_missing(graded, learner, codes):
    _, result, records = graded
    assert records[learner]["status"] == "missing"
    assert _codes(records, learner) == codes
    assert f"{learner}  missing" in result.stdout


def test_the_sandbox_keeps_learner_code_away_from_the_course_and_the_network(graded, kit):
    """Reading solutions/, the gradebook, the config or another learner's work fails, and so
    does opening a socket to the host."""
    root, _, records = graded
    label = records["snoop"]["isolation"]
    if not label.startswith("bubblewrap"):
        if shutil.which("bwrap") is None and os.environ.get("CI") != "true":
            pytest.skip(f"bubblewrap is not installed here ({label})")
        pytest.fail(f"grading ran without the sandbox: {label}")
    grades = kit.gradebook_grades(root, MODULE, "snoop")
    points = kit.autograded_points()
    blocked = {"answer_harmful_line": ("test_harmful_line", ("FileNotFoundError",
                                                               "PermissionError")),
               "answer_call_first": ("test_call_first", ("FileNotFoundError", "PermissionError")),
               "answer_lost_profit_5_years": ("test_lost_profit_5_years",
                                              ("FileNotFoundError", "PermissionError")),
               "answer_quiet_hour": ("test_quiet_hour", ("FileNotFoundError",
                                                         "PermissionError")),
               "answer_fix_first": ("test_fix_first", ("ConnectionRefusedError", "OSError",
                                                       "TimeoutError"))}
    for answer, (test, errors) in blocked.items():
        names = [o.get("ename") for o in _outputs(root, "snoop", answer, kit)
                 if o.get("output_type") == "error"]
        assert names and names[0] in errors, (answer, names)
        assert grades[test] == 0, test
    assert _total(kit, root, "snoop") == kit.full_points() - sum(points[t] for t, _ in blocked.values())
    assert "course-access" in _codes(records, "snoop")


def test_no_sandbox_still_caps_memory_and_says_so(new_course, kit):
    """``--no-sandbox`` grades with the kernel unsandboxed, but the memory cap stays."""
    root = new_course()
    kit.make_submission(root, "model", answers="model")
    hog = "hog = bytearray(8 * 1024**3)\nharmful_line = 3"
    kit.make_submission(root, "memory_hog",
                        answers=dict(kit.model_answers(), answer_harmful_line=hog))
    result = kit.run_cli(root, "grade", "--no-sandbox", "--memory", "768", "--jobs", "2")
    label = "none (--no-sandbox given; memory cap 768 MB only)"
    assert result.stdout.splitlines()[0] == f"isolation: {label}"
    full = kit.full_points()
    assert _total(kit, root, "model") == full
    assert _total(kit, root, "memory_hog") == full - kit.autograded_points()["test_harmful_line"]
    record = json.loads((root / ".ccexercise" / "grading" / MODULE / "memory_hog.json").read_text())
    assert record["isolation"] == label
    assert "memory-limit" in {f["code"] for f in record["flags"]}
