"""Benchmark: stock serial ``nbgrader autograde`` against parallel ``ccexercise grade``, local and on Dask.

A throw-away copy of the course gets every module generated, then a
synthetic cohort (default 40 learners, every module, answers mixed right,
wrong, untouched and broken, the same for both sides) in two identical
copies. One copy is graded by stock ``nbgrader autograde MODULE --force``
per module (serial, no sandbox), the other by ``ccexercise grade --jobs N``
(parallel, sandboxed when possible). Both are timed as whole commands, in
the same run; the benchmark prints both times, the speed-up and the
isolation level used, and fails if any cell's score differs between the two.

    .venv/bin/python -m benchmarks.grading [--learners 40] [--jobs N] [--quick]

Exit status: 0 when both sides graded and agreed, 1 otherwise, 2 for a bad
command line. No timing threshold is asserted (the target is ≥ 1.8× on 2
cores); the ratio is printed.
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from ._common import REPO, isolated_jupyter_env
except ImportError:  # pragma: no cover - run as a plain script
    REPO = Path(__file__).resolve().parents[1]
    isolated_jupyter_env = None

__all__ = ["main", "run"]

_SOLUTION = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")
KINDS = ("right", "right", "right", "untouched", "wrong_type", "wrong_value", "exception",
         "syntax_error")


class BenchmarkError(RuntimeError):
    pass


def _env() -> dict:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def _run(command: list[str], cwd: Path, what: str,
         env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env=dict(_env(), **(env or {})))
    return time.perf_counter() - started, result


def _modules() -> list[str]:
    return sorted(p.name for p in (REPO / "solutions").iterdir()
                  if p.is_dir() and p.name[:2].isdigit())


def _answers(module: str) -> dict[str, dict[str, str]]:
    """notebook -> {answer grade_id: model answer} for the module's code answer cells."""
    import nbformat

    result = {}
    for path in sorted((REPO / "solutions" / module).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        answers = {}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and cell.cell_type == "code":
                answers[meta["grade_id"]] = "\n".join(
                    line for line in cell.source.split("\n") if not _SOLUTION.match(line))
        result[path.stem] = answers
    return result


def _variant(kind: str, model: str) -> str | None:
    name = None
    try:
        for node in ast.parse(model).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                break
    except SyntaxError:
        pass
    name = name or "answer"
    return {"right": model, "untouched": None,
            "wrong_type": f"{model}\n{name} = str({name})",
            "wrong_value": f"{model}\n{name} = None",
            "exception": f"1 / 0\n{model}",
            "syntax_error": f"{model}\n{name} = ("}[kind]


def _make_cohort(root: Path, learners: int, seed: int = 7) -> None:
    import nbformat

    rng = random.Random(seed)
    for module in _modules():
        for notebook, answers in _answers(module).items():
            release = nbformat.read(root / "exercises" / module / f"{notebook}.ipynb",
                                    as_version=4)
            for number in range(learners):
                kinds = (["right"] * len(answers) if number == 0 else
                         [rng.choice(KINDS) for _ in answers])
                nb = nbformat.from_dict(json.loads(json.dumps(release)))
                chosen = {gid: _variant(kind, model)
                          for (gid, model), kind in zip(answers.items(), kinds)}
                for cell in nb.cells:
                    gid = cell.metadata.get("nbgrader", {}).get("grade_id")
                    if chosen.get(gid) is not None:
                        cell.source = chosen[gid]
                folder = root / "submitted" / f"learner{number:03d}" / module
                folder.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, folder / f"{notebook}.ipynb")


def _grades(root: Path) -> dict:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "ccexercise") as gb:
        for module in _modules():
            for submission in gb.find_assignment(module).submissions:
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        out[(module, submission.student.id, nb.name, grade.name)] = grade.score
    return out


def _dask_side(root: Path, workers: int) -> float | None:
    """Seconds of ``ccexercise grade --scheduler`` on a LocalCluster of ``workers`` processes.

    None when dask.distributed is not installed. The cluster is started
    before the clock starts (an instructor's cluster is already running).
    """
    try:
        from distributed import LocalCluster
    except ImportError:
        return None
    # silence_logs: no "worker still alive after 4 s, killing" lines as the cluster closes.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        seconds, result = _run([sys.executable, "-m", "ccexercise.cli", "grade", "--scheduler",
                                cluster.scheduler_address], root, "dask")
    if result.returncode:
        raise BenchmarkError(f"ccexercise grade --scheduler failed:\n{result.stdout[-3000:]}\n"
                             f"{result.stderr[-3000:]}")
    return seconds


def measure(learners: int, jobs: int, keep: Path | None = None) -> dict:
    """Run both sides once; return the timings and facts (raises BenchmarkError)."""
    work = Path(tempfile.mkdtemp(prefix="ccx-bench-grading-"))
    try:
        base = work / "generated"
        base.mkdir()
        shutil.copy(REPO / "nbgrader_config.py", base)
        shutil.copytree(REPO / "solutions", base / "solutions",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        for module in _modules():
            _, result = _run([sys.executable, "-m", "nbgrader", "generate_assignment", module,
                              "--force"], base, "generate")
            if result.returncode:
                raise BenchmarkError(f"generate_assignment {module} failed:\n"
                                     f"{result.stderr[-2000:]}")
        _make_cohort(base, learners)
        stock, ours, cluster = work / "stock", work / "ours", work / "dask"
        for copy in (stock, ours, cluster):
            shutil.copytree(base, copy)

        stock_seconds = 0.0
        for module in _modules():
            # Stock nbgrader as shipped: the course config's guard and sandbox switched off.
            seconds, result = _run([sys.executable, "-m", "nbgrader", "autograde", module,
                                    "--force"], stock, "stock",
                                   env={"CCEXERCISE_STOCK_AUTOGRADE": "unsafe"})
            stock_seconds += seconds
            if result.returncode:
                raise BenchmarkError(f"stock nbgrader autograde {module} failed:\n"
                                     f"{result.stderr[-3000:]}")
        ours_seconds, result = _run([sys.executable, "-m", "ccexercise.cli", "grade",
                                     "--jobs", str(jobs)], ours, "ours")
        if result.returncode:
            raise BenchmarkError(f"ccexercise grade failed:\n{result.stdout[-3000:]}\n"
                                 f"{result.stderr[-3000:]}")
        isolation = result.stdout.splitlines()[0].removeprefix("isolation: ")
        dask_seconds = _dask_side(cluster, jobs)
        stock_grades, our_grades = _grades(stock), _grades(ours)
        for name, grades in (("ccexercise grade", our_grades),
                             ("ccexercise grade on Dask", _grades(cluster) if dask_seconds
                              else our_grades)):
            if stock_grades != grades:
                differ = sorted(k for k in set(stock_grades) | set(grades)
                                if stock_grades.get(k) != grades.get(k))
                raise BenchmarkError(f"{name}: {len(differ)} cell score(s) differ from stock "
                                     f"nbgrader, e.g. {differ[:5]}")
        submissions = len({k[:2] for k in our_grades})
        return {"learners": learners, "modules": len(_modules()), "submissions": submissions,
                "cells": len(our_grades), "jobs": jobs, "cores": os.cpu_count(),
                "stock_seconds": stock_seconds, "ours_seconds": ours_seconds,
                "dask_seconds": dask_seconds,
                "speedup": stock_seconds / ours_seconds, "isolation": isolation}
    finally:
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def run(*, quick: bool = False, learners: int | None = None, jobs: int | None = None) -> bool:
    """Print the comparison; True when it could measure (the ``benchmarks`` runner's API)."""
    learners = learners or (12 if quick else 40)
    jobs = jobs or os.cpu_count() or 1
    print(f"\nGrading: stock serial nbgrader autograde vs ccexercise grade --jobs {jobs}")
    print("=" * 72)
    print(f"  synthetic cohort: {learners} learners x every module, mixed right / wrong / "
          f"untouched / broken answers")
    try:
        if isolated_jupyter_env is not None:
            with isolated_jupyter_env():
                facts = measure(learners, jobs)
        else:
            facts = measure(learners, jobs)
    except BenchmarkError as error:
        print(f"  FAILED: {error}")
        return False
    print(f"  {facts['submissions']} submissions ({facts['modules']} module(s)), "
          f"{facts['cells']} graded cells, {facts['cores']} CPU core(s)")
    print(f"  stock nbgrader autograde (serial)   {facts['stock_seconds']:8.1f} s")
    print(f"  ccexercise grade --jobs {facts['jobs']:<11} {facts['ours_seconds']:8.1f} s")
    if facts["dask_seconds"]:
        print(f"  ccexercise grade on Dask ({facts['jobs']} workers) {facts['dask_seconds']:6.1f} s"
              f"   ({facts['stock_seconds'] / facts['dask_seconds']:.2f} x stock)")
    else:
        print("  ccexercise grade on Dask: not measured (pip install 'ccexercise[cluster]')")
    print(f"  speed-up                            {facts['speedup']:8.2f} x   (target >= 1.8 x "
          f"on 2 cores)")
    print(f"  scores: identical in every cell")
    print(f"  isolation: {facts['isolation']}")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.grading",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=None, help="cohort size (default 40)")
    parser.add_argument("--jobs", type=int, default=None, help="ccexercise grade --jobs "
                        "(default: CPU count)")
    parser.add_argument("--quick", action="store_true", help="12 learners")
    args = parser.parse_args(argv)
    if args.learners is not None and args.learners < 1:
        parser.error("--learners must be at least 1")
    return 0 if run(quick=args.quick, learners=args.learners, jobs=args.jobs) else 1


if __name__ == "__main__":
    sys.exit(main())
