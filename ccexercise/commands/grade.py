"""``ccexercise grade``: autograde every submission, in parallel, sandboxed, resumable.

See :mod:`ccexercise.pipeline.grade` for how, and :mod:`ccexercise.pipeline.records`
for the per-submission records this writes under ``.ccexercise/grading/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from .._course import course_root
from ..pipeline.stock import CELL_TIMEOUT, MEMORY_MB

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "grade", help="autograde every submission (parallel, sandboxed, resumable)",
        description="Autograde every submission under submitted/<learner>/<module>/ with "
                    "nbgrader: in parallel, each learner's code in a sandbox, with a time and "
                    "memory limit. Reruns grade only what changed or was not finished. "
                    "Records: .ccexercise/grading/<module>/<learner>.json.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="modules to grade (default: every module in solutions/)")
    parser.add_argument("--jobs", "-j", type=_positive_int, default=os.cpu_count() or 1,
                        help="submissions graded at the same time")
    parser.add_argument("--timeout", type=_positive_float, default=float(CELL_TIMEOUT),
                        metavar="SECONDS",
                        help="longest one cell may run")
    parser.add_argument("--memory", type=_positive_int, default=MEMORY_MB, metavar="MB",
                        help="memory (address space) cap of each learner's kernel")
    parser.add_argument("--db-url", default=None, metavar="URL",
                        help="gradebook URL (default: the course's nbgrader_config.py), "
                             "e.g. postgresql://user@host/gradebook")
    parser.add_argument("--serial-nbgrader", action="store_true",
                        help="run stock `nbgrader autograde MODULE` instead (serial, no sandbox; "
                             "the baseline)")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="run learner code without the sandbox (memory cap only)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="grade on a dask.distributed cluster, e.g. tcp://10.0.0.5:8786 "
                             "(pip install ccexercise[cluster]; workers need the course "
                             "folder at the same path, one thread each)")
    parser.add_argument("--force", action="store_true",
                        help="regrade submissions whose record is up to date too")
    parser.set_defaults(func=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


class TextProgress:
    """A tqdm progress bar on stderr: rate and time left; one line per submission off a terminal.

    Called as ``progress(done, total, record)`` after every submission.
    """

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar = None

    def __call__(self, done: int, total: int, record: dict) -> None:
        from tqdm import tqdm

        note = "" if record["status"] == "graded" else f" ({record['status']})"
        if not self.tty:
            self.stream.write(f"grading {record['module']}  {done}/{total}  "
                              f"{record['learner']}{note}\n")
            self.stream.flush()
            return
        if self.bar is None:
            self.bar = tqdm(total=total, file=self.stream, unit="submission",
                            desc=f"grading {record['module']}", leave=True)
        self.bar.set_postfix_str(f"{record['learner']}{note}", refresh=False)
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()
            self.bar = None


def _score(record: dict) -> str:
    if record.get("max_score") is None:
        return "-"
    return f"{record['score']:g}/{record['max_score']:g}"


def run(args) -> int:
    from ..pipeline import grade as pipeline

    root = course_root()
    started = time.monotonic()

    def say_isolation(label: str) -> None:
        print(f"isolation: {label}", flush=True)

    progress = TextProgress()
    if args.serial_nbgrader:
        result = pipeline.serial_nbgrader(root, args.modules, timeout=args.timeout,
                                          db_url=args.db_url, progress=progress,
                                          on_isolation=say_isolation)
    elif args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            print("--scheduler needs dask.distributed: pip install 'ccexercise[cluster]'",
                  file=sys.stderr)
            return 2
        with Client(args.scheduler) as client:
            print(f"cluster: {args.scheduler} ({len(client.scheduler_info()['workers'])} "
                  f"worker(s))", flush=True)
            result = pipeline.grade(root, args.modules, timeout=args.timeout,
                                    memory_mb=args.memory, db_url=args.db_url,
                                    sandbox=not args.no_sandbox, force=args.force,
                                    executor=client.get_executor(pure=False),
                                    progress=progress, on_isolation=say_isolation)
    else:
        result = pipeline.grade(root, args.modules, jobs=args.jobs, timeout=args.timeout,
                                memory_mb=args.memory, db_url=args.db_url,
                                sandbox=not args.no_sandbox, force=args.force,
                                progress=progress, on_isolation=say_isolation)
    if not result.records and not result.skipped:
        print(f"no submissions found: they go in {root / 'submitted'}/<learner>/<module>/ "
              f"(ccexercise collect puts them there)")
    graded, failed, missing = (result.count(s) for s in ("graded", "failed", "missing"))
    print(f"done in {time.monotonic() - started:.1f} s: {graded} graded, {failed} failed, "
          f"{missing} missing, {len(result.skipped)} already up to date "
          f"({', '.join(result.modules)})")
    flagged = [r for r in result.records if r["flags"] or r["status"] != "graded"]
    if flagged:
        print("to look at:")
        for record in flagged:
            print(f"  {record['module']}  {record['learner']}  {record['status']}  "
                  f"{_score(record)}")
            for item in record["flags"]:
                print(f"      {item['code']}: {item['reason']}")
    if result.grader_errors:
        print(f"{len(result.grader_errors)} submission(s) hit a grader error; rerun "
              f"`ccexercise grade` to retry them (logs: .ccexercise/grading/.logs/)",
              file=sys.stderr)
        return 1
    return 0
