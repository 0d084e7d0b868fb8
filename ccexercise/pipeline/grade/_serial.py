"""The stock baseline: serial ``nbgrader autograde`` per module, with records written after.

:func:`serial_nbgrader` is what ``ccexercise grade --serial-nbgrader``
runs, the baseline that parallel grading (:func:`._run.grade`) is compared
with: no sandbox, no guard, no repairs.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .. import records as rec
from ..course import autograded_dir, load_config, nbgrader_env, resolve_db_url, select_modules
from ..course import course_id as course_id_of
from ..stock import CELL_TIMEOUT, UNSAFE
from ._run import GradeRun, _clean_leftovers, _module_facts, _RunLock, plan, register_missing
from ._setup import LOGS
from ._worker import _gradebook_scores

__all__ = ["SERIAL_ISOLATION", "serial_nbgrader"]

SERIAL_ISOLATION = "none (stock nbgrader autograde, serial, no sandbox)"


def serial_nbgrader(root: Path, modules: list[str] | None = None, *,
                    timeout: float = CELL_TIMEOUT,
                    db_url: str | None = None, progress=None, on_isolation=None) -> GradeRun:
    """Run stock ``nbgrader autograde MODULE --force`` per module, then write the records.

    The baseline that parallel grading is compared with: no sandbox, no
    guard, no repairs. Records are written from the gradebook afterwards
    (flags from the static checks and the executed notebooks); a submission
    nbgrader failed on gets status ``failed``.
    """
    import nbformat

    from .. import integrity

    started = time.monotonic()
    root = Path(root).resolve()
    modules = select_modules(root, modules)
    db_url = resolve_db_url(root, db_url)
    config = load_config(root)
    course_id = course_id_of(config)
    restores = bool(config.get("OverwriteCells", {}).get("add_missing_cells", False))
    if on_isolation:
        on_isolation(SERIAL_ISOLATION)
    run = GradeRun(SERIAL_ISOLATION, modules)
    log_dir = rec.records_dir(root) / LOGS
    log_dir.mkdir(parents=True, exist_ok=True)
    with _RunLock(root):
        _clean_leftovers(root)
        tasks = plan(root, modules, force=True)
        handed_in = sorted({t.module for t in tasks})
        register_missing(root, handed_in, db_url=db_url, course_id=course_id)
        facts = _module_facts(root, config, db_url, handed_in)
        done = 0
        for module in modules:
            mine = [t for t in tasks if t.module == module]
            if not mine:
                continue
            began = time.monotonic()
            command = [sys.executable, "-m", "nbgrader", "autograde", module, "--force",
                       f"--CourseDirectory.db_url={db_url}", f"--Execute.timeout={int(timeout)}"]
            # The baseline is stock nbgrader: no guard, no judge, no sandbox (stock.UNSAFE).
            result = subprocess.run(command, cwd=root, capture_output=True, text=True,
                                    env=dict(nbgrader_env(), **{UNSAFE: "unsafe"}))
            (log_dir / f"serial-{module}.log").write_text(result.stdout + result.stderr)
            each = (time.monotonic() - began) / len(mine)
            fact = facts[module]
            for task in mine:
                folder = root / "submitted" / task.learner / module
                flags, status, extra = [], rec.GRADED, {}
                present = {p.name for p in folder.glob("*.ipynb")}
                for name in fact["notebooks"]:
                    path = folder / f"{name}.ipynb"
                    if path.name not in present:
                        flags.append(integrity.flag("missing-notebook",
                                                    f"{path.name} is missing; it scores 0."))
                        continue
                    inspection = integrity.inspect_notebook(path, fact["references"][name],
                                                            restores_missing=restores)
                    flags.extend(inspection.flags)
                    graded = root / autograded_dir(config) / task.learner / module / path.name
                    if graded.is_file():
                        flags.extend(integrity.outcome_flags(
                            nbformat.read(str(graded), as_version=4), timeout=timeout))
                    else:
                        status = rec.FAILED
                if not present & {f"{n}.ipynb" for n in fact["notebooks"]}:
                    status = rec.MISSING
                if status == rec.GRADED:
                    try:
                        extra = _gradebook_scores(db_url, course_id, module, task.learner)
                    except Exception:  # noqa: BLE001
                        status = rec.FAILED
                if status == rec.FAILED and not any(f["code"] == "invalid-notebook"
                                                    for f in flags):
                    flags.append(integrity.flag("grading-error", "stock nbgrader autograde "
                                                "failed on this submission (see its log)"))
                fields = {"score": 0.0, "max_score": fact["max_score"]}
                fields.update(extra)
                record = rec.new_record(task.learner, module, status, flags=flags,
                                        isolation=SERIAL_ISOLATION, seconds=each,
                                        sha256=task.sha256, **fields)
                rec.write_record(root, record)
                run.records.append(record)
                done += 1
                if progress:
                    progress(done, len(tasks), record)
    run.seconds = time.monotonic() - started
    return run
