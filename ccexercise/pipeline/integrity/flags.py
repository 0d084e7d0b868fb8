"""Flags: the short codes and reasons stored with every graded submission."""

from __future__ import annotations

__all__ = ["FLAG_CODES", "KERNEL_DIED", "flag"]

#: Every flag code, with what it means.
FLAG_CODES = {
    "invalid-notebook": "the file is not a readable notebook; not graded",
    "missing-notebook": "the module's notebook is not in the submission",
    "unknown-notebook": "a notebook the module does not have; ignored",
    "duplicate-cell": "a cell was copied; repaired before grading",
    "test-cell-edited": "a locked test cell was changed; graded on the original",
    "test-cell-deleted": "a locked test cell was deleted; restored and graded",
    "locked-cell-edited": "a locked cell was changed; graded on the original",
    "locked-cell-deleted": "a locked cell was deleted",
    "answer-cell-deleted": "an answer cell was deleted",
    "helper-redefined": "the learner redefined a checking helper",
    "builtin-shadowed": "the learner redefined a Python built-in the tests use",
    "grading-module-patched": "the learner changed the ccexercise package at run time",
    "runtime-tampering": "the learner touched the import system, builtins or the kernel",
    "custom-equality": "the learner defined values that can lie about equality",
    "kernel-exit": "the learner's code tried to stop the kernel",
    "kernel-died": "the kernel died; later cells were not run and score 0",
    "timeout": "a cell ran past the time limit and was stopped",
    "memory-limit": "a cell hit the memory cap",
    "course-access": "learner code tried to open course files or other learners' work",
    "grading-error": "nbgrader could not grade the submission",
    "realigned": "the notebook had lost its nbgrader metadata; matched to the release",
}

#: ``ename`` of the error put in cells that a dead kernel did not run.
KERNEL_DIED = "KernelDied"


def flag(code: str, reason: str) -> dict:
    """A flag as stored in records: ``{"code": code, "reason": reason}``.

    >>> flag("timeout", "Cell 12 ran past 30 s.")
    {'code': 'timeout', 'reason': 'Cell 12 ran past 30 s.'}
    """
    if code not in FLAG_CODES:
        raise ValueError(f"unknown flag code {code!r}")
    return {"code": code, "reason": reason}


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _join(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")
