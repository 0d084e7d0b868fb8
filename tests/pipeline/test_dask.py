"""``ccexercise grade --scheduler ADDRESS`` on a real dask.distributed cluster matches the local run.

A ``LocalCluster`` with two worker processes of one thread each grades a
mixed cohort (right, partly right, empty, tampering, metadata stripped);
the same cohort is graded locally (``--jobs 2``) in another copy of the
course. Every cell's score, every total and every flag code must match.
"""

from __future__ import annotations

import json
import os

import pytest

pytestmark = pytest.mark.grading

MODULE = "01_lost_customer_cost"

if os.environ.get("CI") == "true":
    import distributed
else:
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed: pip install -e '.[test]'")

TAMPER = '''
get_ipython().input_transformers_cleanup.append(
    lambda lines: ["pass\\n"] if any("assert" in l for l in lines) else lines)
'''


def _cohort(root, kit):
    model = kit.model_answers()

    def strip(nb):
        for cell in nb.cells:
            cell.metadata = {}
            cell.pop("id", None)
        nb.nbformat_minor = 4

    kit.make_submission(root, "right", answers=model)
    kit.make_submission(root, "partly", answers=dict(model, answer_harmful_line="harmful_line = 1",
                                                     answer_quiet_hour='quiet_hour = "A"'))
    kit.make_submission(root, "empty", answers={})
    kit.make_submission(root, "tamper", answers={
        "answer_harmful_line": "harmful_line = ...\n" + TAMPER,
        "answer_lost_revenue_5_years": model["answer_lost_revenue_5_years"]})
    kit.make_submission(root, "stripped", answers=model, edit=strip)


def _results(root, kit):
    out = {}
    for path in sorted((root / ".ccexercise" / "grading" / MODULE).glob("*.json")):
        record = json.loads(path.read_text())
        out[record["learner"]] = {
            "status": record["status"], "score": record["score"],
            "flags": sorted({f["code"] for f in record["flags"]}),
            "cells": kit.gradebook_grades(root, MODULE, record["learner"])}
    return out


@pytest.fixture(scope="module")
def both(new_course, kit):
    local, cluster = new_course(), new_course()
    for root in (local, cluster):
        _cohort(root, kit)
    kit.run_cli(local, "grade", "--jobs", "2")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as lc:
        result = kit.run_cli(cluster, "grade", "--scheduler", lc.scheduler_address)
    return _results(local, kit), _results(cluster, kit), result


def test_the_cluster_run_used_the_cluster(both):
    _, _, result = both
    assert "cluster: tcp://" in result.stdout and "(2 worker(s))" in result.stdout


def test_every_cell_scores_the_same_on_the_cluster(both):
    local, cluster, _ = both
    assert sorted(cluster) == sorted(local) == ["empty", "partly", "right", "stripped", "tamper"]
    for learner in local:
        assert cluster[learner] == local[learner], learner


def test_the_scores_are_the_expected_ones(both, kit):
    local, _, _ = both
    points = kit.autograded_points()
    full = kit.full_points()
    expected = {"right": full, "stripped": full, "empty": 0,
                "partly": full - points["test_harmful_line"] - points["test_quiet_hour"],
                "tamper": points["test_lost_revenue_5_years"]}
    for learner, total in expected.items():
        assert sum(v or 0 for g, v in local[learner]["cells"].items() if g in points) == total
    assert "runtime-tampering" in local["tamper"]["flags"]
    assert "realigned" in local["stripped"]["flags"]
