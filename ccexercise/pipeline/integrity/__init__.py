"""Integrity of learner submissions: what is checked before, during and after grading.

Every case gets a defined outcome and, when it matters, a *flag*: a short
``code`` and a ``reason`` sentence a person can read. Nothing here raises
for a bad submission; :mod:`ccexercise.pipeline.grade` stores the flags in
the submission's record.

Before grading (:func:`inspect_notebook`), on the learner's file:

* not JSON, or not a notebook: ``invalid-notebook`` (not graded);
* duplicated cell ids or nbgrader ``grade_id`` (a copied cell): repaired in
  the copy that is graded, ``duplicate-cell`` (stock nbgrader fails the
  whole submission with ``KeyError: 'grade_id'``);
* a locked cell or test cell whose content differs from the released
  exercise: ``test-cell-edited`` / ``locked-cell-edited`` (nbgrader grades
  the restored cell); one that is missing: ``test-cell-deleted`` /
  ``locked-cell-deleted`` / ``answer-cell-deleted``. When
  ``OverwriteCells.add_missing_cells`` is on, deleted locked and graded
  cells are put back as released, in place, before nbgrader sees the
  notebook (nbgrader's own restore fails the whole submission with
  ``KeyError`` when the cell before the deleted one is a locked, ungraded
  cell, as every ``check_...`` cell is);
* learner code (answer cells and added cells) read with :mod:`ast`:
  ``helper-redefined`` (``exactly``, ``expect_type``, ``cc`` ...),
  ``builtin-shadowed`` (``type``, ``len`` ... that tests use),
  ``grading-module-patched`` (attribute writes, ``setattr``/``delattr`` on
  ``ccexercise`` modules), ``runtime-tampering`` (``sys.modules``,
  ``builtins``, ``importlib``, ``gc``, ``ctypes``, frames, trace and audit
  hooks, IPython hooks, ``__code__``/``__class__`` writes),
  ``custom-equality`` (classes that override comparisons or subclass
  builtin values), ``kernel-exit`` (``sys.exit``, ``exit()``,
  ``os._exit``, ``os.kill``, ``raise SystemExit``), ``course-access``
  (paths into ``solutions/``, ``submitted/``, the gradebook ...).

During grading, :class:`GuardedExecute` (nbgrader's ``Execute`` with these
changes) runs the notebook:

* learner and set-up cells run in the learner's (sandboxed) kernel; every
  graded test cell runs instead in the judge, a separate trusted process,
  on the values it reads taken out of the kernel as plain data (see
  ``docs/grading-integrity.md``), so nothing learner code did to its kernel
  can bend a verdict;
* a guard armed in the kernel before any learner code
  (:func:`.kernel_guard._kernel_guard`) reports, before each test cell, what
  learner code changed there (``runtime-tampering``);
* a dead kernel (``os._exit``, a crash, the memory cap) no longer fails the
  whole submission: the cell that killed it and every cell after it get an
  error output (so they score 0), the cells before keep their scores;
* a kernel that does not answer after a timed-out cell was interrupted is
  treated the same way.

After grading (:func:`outcome_flags`), from the executed notebook:
``timeout``, ``memory-limit``, ``kernel-exit`` (a ``SystemExit`` IPython
caught), ``kernel-died`` and ``course-access`` (a refused attempt to open a
course file).

The parts, by when they act:

* **before grading**, on the learner's file: :mod:`.inspection` (readable?
  cells edited, deleted, copied; the release's reference cells),
  :mod:`.realign` (a notebook that lost its nbgrader metadata, matched to
  the release), :mod:`.static_scan` (learner code read with :mod:`ast`);
* **during grading**: :mod:`.guarded_execute` (``GuardedExecute``, nbgrader's
  ``Execute`` with test cells judged elsewhere), :mod:`.kernel_guard` (sent
  into the kernel, reports tampering), :mod:`.answers` (the learner's values
  out of the kernel as plain data), :mod:`.judge` (the trusted process that
  runs the tests), :mod:`.sandbox` (what can be isolated here, the command
  lines) and :mod:`.sandbox_provisioner` (the Jupyter kernel provisioner
  that starts kernels that way);
* **after grading**, on the executed notebook: :mod:`.outcomes`;
* throughout: :mod:`.flags` (the codes and reasons every part reports).

This module is their public face. Names load on first use, so importing
one part (the kernel imports :mod:`.answers`, the judge runs as
``python -m ccexercise.pipeline.integrity.judge``) does not import the rest,
nor nbgrader.
"""

from __future__ import annotations

import importlib

__all__ = ["FLAG_CODES", "GuardedExecute", "Inspection", "KERNEL_DIED", "execution_events",
           "flag", "inspect_notebook", "outcome_flags", "reference_cells", "scan_source"]

#: Where each public name lives.
_HOME = {"FLAG_CODES": "flags", "KERNEL_DIED": "flags", "flag": "flags",
         "GuardedExecute": "guarded_execute", "Inspection": "inspection",
         "inspect_notebook": "inspection", "reference_cells": "inspection",
         "outcome_flags": "outcomes", "scan_source": "static_scan"}


def execution_events(reset: bool = False) -> list[dict]:
    """Events :class:`GuardedExecute` recorded in this thread (guard reports, dead kernels)."""
    from .guarded_execute import execution_events as events

    return events(reset)


def __getattr__(name):
    # Loaded on first use: GuardedExecute subclasses nbgrader's Execute, and inspection
    # needs nbformat; importing this package (for records, scans, the kernel's answers)
    # imports neither.
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
