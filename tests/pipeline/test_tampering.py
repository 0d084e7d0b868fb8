"""No change learner code makes to its kernel can bend a verdict: one test per vector.

Each vector below is code that, run in the kernel where the tests used to
run, makes failing tests pass (rewriting test cells, silencing errors,
swapping the comparison helpers). Test cells are now judged in a separate
process on the answers' values (``ccexercise.pipeline.integrity.judge``), so:

* a submission that tampers and answers nothing scores 0, and is flagged;
* one that tampers and answers two tasks right (lost_revenue_5_years and
  lost_profit_5_years) scores exactly those tasks' points (read from the
  exercise's nbgrader metadata), and is flagged;
* an honest submission using numpy, pandas and math scores full marks
  (every autograded point of the exercise) with no flag.

One cohort, one real ``ccexercise grade`` run (module-scoped fixture).
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.grading

MODULE = "01_lost_customer_cost"
FAKE = "lambda *a, **k: True"

VECTORS = {
    "input_transformer": '''
def _rewrite(lines):
    return ["pass\\n"] if any("assert" in line for line in lines) else lines
get_ipython().input_transformers_cleanup.append(_rewrite)
''',
    "ast_transformer": '''
import ast
class _NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
get_ipython().ast_transformers.append(_NoAsserts())
''',
    "event_callback": f'''
def _cheat(info):
    import ccexercise.grading as g
    g.exactly = {FAKE}
    g.expect_type = lambda *a, **k: None
get_ipython().events.register("pre_run_cell", _cheat)
''',
    "custom_exc": '''
get_ipython().set_custom_exc((Exception,), lambda shell, etype, value, tb, tb_offset=None: None)
''',
    "exception_hook": '''
import sys
shell = get_ipython()
shell.showtraceback = lambda *a, **k: None
shell._showtraceback = lambda *a, **k: None
sys.excepthook = lambda *a: None
''',
    "display_hook": f'''
import sys
def _hook(value):
    import ccexercise.grading as g
    g.exactly = {FAKE}
sys.displayhook = _hook
get_ipython().displayhook.__class__.__call__ = lambda self, value=None: _hook(value)
''',
    "shell_method": '''
from IPython.core.interactiveshell import InteractiveShell
_run_cell = InteractiveShell.run_cell
def run_cell(self, raw_cell, *args, **kwargs):
    return _run_cell(self, "pass" if "assert" in raw_cell else raw_cell, *args, **kwargs)
InteractiveShell.run_cell = run_cell
''',
    "kernel_method": '''
from ipykernel.ipkernel import IPythonKernel
_do_execute = IPythonKernel.do_execute
async def do_execute(self, code, *args, **kwargs):
    return await _do_execute(self, "pass" if "assert" in code else code, *args, **kwargs)
IPythonKernel.do_execute = do_execute
''',
    "helper_code_exactly": f'''
import ccexercise.grading as g
g.exactly.__code__ = ({FAKE}).__code__
''',
    "helper_code_expect_type": f'''
expect_type.__code__ = (lambda *a, **k: None).__code__
import ccexercise.grading as g
g.exactly.__code__ = ({FAKE}).__code__
''',
    "settrace": f'''
import sys
def _trace(frame, event, arg):
    for name in ("_exactly", "expect_type"):
        if name in frame.f_globals:
            frame.f_globals[name] = {FAKE}
    return _trace
sys.settrace(_trace)
''',
    "setprofile": f'''
import sys
def _profile(frame, event, arg):
    module = sys.modules.get("ccexercise.grading")
    if module is not None:
        module.exactly = {FAKE}
sys.setprofile(_profile)
''',
}

HONEST = {
    "answer_lost_revenue_5_years": "import math\nlost_revenue_5_years = math.prod([1]) * sum(range(10_000, 18_001, 2_000))",
    "answer_lost_profit_5_years": "import math\nmargin = math.floor(20) / 100\nlost_profit_5_years = int(lost_revenue_5_years * margin)",
    "answer_harmful_line": "import numpy as np\nharmful_line = int(np.argmax([0, 0, 1, 0, 0])) + 1",
    "answer_fix_first": "import pandas as pd\nfix_first = pd.Series(['A', 'B']).iloc[int(len(customers) > 0)]\nfix_first",
}


# the tasks "-some" answers right, both above the cell that tampers
SOME = ("answer_lost_revenue_5_years", "answer_lost_profit_5_years")


def _points(kit, *tasks) -> float:
    points = kit.autograded_points()
    return sum(points[f"test_{t}"] for t in tasks)


@pytest.fixture(scope="module")
def cohort(course, kit):
    root = course
    model = kit.model_answers()
    for vector, code in VECTORS.items():
        first = next(iter(model))  # the first answer cell: every test cell comes after it
        kit.make_submission(root, f"{vector}-nothing", answers={first: code})
        kit.make_submission(root, f"{vector}-some", answers={
            **{gid: model[gid] for gid in SOME},
            "answer_harmful_line": "harmful_line = ...\n" + code})
    kit.make_submission(root, "honest", answers=dict(model, **HONEST))
    result = kit.run_cli(root, "grade", "--timeout", "10", "--jobs", "2", check=False)
    records = {}
    for path in (root / ".ccexercise" / "grading" / MODULE).glob("*.json"):
        record = json.loads(path.read_text())
        records[record["learner"]] = record
    return root, result, records


def _total(kit, root, learner) -> float:
    grades = kit.gradebook_grades(root, MODULE, learner)
    return sum(grades[gid] or 0 for gid in kit.autograded_points())


@pytest.mark.parametrize("vector", sorted(VECTORS))
def test_tampering_that_answers_nothing_scores_zero_and_is_flagged(cohort, kit, vector):
    root, result, records = cohort
    learner = f"{vector}-nothing"
    assert records[learner]["status"] == "graded", records[learner]
    assert _total(kit, root, learner) == 0
    assert "runtime-tampering" in {f["code"] for f in records[learner]["flags"]}, \
        records[learner]["flags"]


@pytest.mark.parametrize("vector", sorted(VECTORS))
def test_tampering_with_some_answers_gets_exactly_their_points_and_is_flagged(cohort, kit,
                                                                            vector):
    root, result, records = cohort
    learner = f"{vector}-some"
    grades = kit.gradebook_grades(root, MODULE, learner)
    tasks = [gid.removeprefix("answer_") for gid in SOME]
    for task in tasks:
        assert grades[f"test_{task}"] == _points(kit, task), task
    assert _total(kit, root, learner) == _points(kit, *tasks) > 0
    assert "runtime-tampering" in {f["code"] for f in records[learner]["flags"]}, \
        records[learner]["flags"]


def test_an_honest_submission_using_numpy_pandas_and_math_is_not_flagged(cohort, kit):
    root, result, records = cohort
    assert _total(kit, root, "honest") == kit.full_points()
    assert records["honest"]["flags"] == [], records["honest"]["flags"]
    assert records["honest"]["score"] == kit.full_points()
