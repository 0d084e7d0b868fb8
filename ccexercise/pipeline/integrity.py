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

During grading, :class:`GuardedExecute` (nbgrader's ``Execute`` with three
changes) runs the notebook:

* before any learner code it arms a guard in the kernel
  (:func:`_kernel_guard`) that snapshots the ``ccexercise`` modules,
  ``builtins``, ``math``, ``numpy``, the import system and IPython's hooks;
  before every graded test cell it silently restores them, so a hidden test
  never trusts a helper the learner replaced;
* a dead kernel (``os._exit``, a crash, the memory cap) no longer fails the
  whole submission: the cell that killed it and every cell after it get an
  error output (so they score 0), the cells before keep their scores;
* a kernel that does not answer after a timed-out cell was interrupted is
  treated the same way.

After grading (:func:`outcome_flags`), from the executed notebook:
``timeout``, ``memory-limit``, ``kernel-exit`` (a ``SystemExit`` IPython
caught), ``kernel-died`` and ``course-access`` (a refused attempt to open a
course file).
"""

from __future__ import annotations

import ast
import copy
import inspect
import json
import re
import secrets
import textwrap
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .realign import needs_realignment, realign

__all__ = ["FLAG_CODES", "GuardedExecute", "Inspection", "execution_events", "flag",
           "inspect_notebook", "outcome_flags", "reference_cells", "scan_source"]

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

#: Names the tests rely on; a learner cell that rebinds them is flagged.
HELPERS = frozenset({"exactly", "expect_type", "type_name", "check", "_exactly", "_Cost", "cc",
                     "ccexercise"})
#: Built-ins the tests use; rebinding them at top level is flagged.
TEST_BUILTINS = frozenset({"type", "isinstance", "issubclass", "len", "set", "abs", "float",
                           "int", "str", "bool", "round", "sum", "min", "max", "all", "any",
                           "getattr", "hasattr", "repr", "list", "dict", "tuple", "range",
                           "AssertionError", "Exception", "print", "object", "super",
                           "__import__", "__builtins__", "__build_class__"})
#: Modules whose mere use in an answer is tampering in this course.
TAMPER_MODULES = frozenset({"builtins", "importlib", "gc", "ctypes", "inspect", "_thread",
                            "threading", "atexit", "signal", "types", "imp", "sysconfig",
                            "runpy", "pickle", "marshal", "code", "codeop", "faulthandler",
                            "__main__", "IPython", "ipykernel", "traitlets", "nbgrader",
                            "nbclient", "subprocess", "multiprocessing", "socket"})
#: Attributes of ``sys`` that reach the import system, frames or hooks.
TAMPER_SYS = frozenset({"modules", "meta_path", "path_hooks", "path_importer_cache",
                        "_getframe", "settrace", "setprofile", "addaudithook", "displayhook",
                        "excepthook", "__dict__", "stdout", "stderr", "setrecursionlimit"})
#: Dunder attributes whose assignment rewires objects.
TAMPER_ATTRS = frozenset({"__code__", "__class__", "__dict__", "__globals__", "__defaults__",
                          "__kwdefaults__", "__builtins__", "__bases__", "__eq__", "__ne__",
                          "__hash__", "__getattr__", "__getattribute__"})
#: IPython shell hooks that would let code run around, or rewrite, a test cell.
IPYTHON_HOOKS = frozenset({"set_custom_exc", "events", "ast_transformers",
                           "input_transformers_post", "input_transformers_cleanup",
                           "input_transformer_manager", "register_magic_function", "run_cell",
                           "run_cell_async", "run_code", "run_ast_nodes", "user_ns",
                           "user_global_ns", "showtraceback", "kernel", "custom_exceptions",
                           "displayhook", "display_pub", "push", "ex", "ev"})
COMPARISONS = frozenset({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
                         "__bool__", "__instancecheck__", "__subclasscheck__", "__class__",
                         "__getattribute__", "__float__", "__int__", "__index__", "__abs__",
                         "__sub__", "__rsub__", "__len__", "__contains__"})
VALUE_TYPES = frozenset({"int", "float", "str", "bool", "complex", "tuple", "list", "dict",
                         "set", "frozenset", "bytes", "Decimal", "Fraction"})
#: Paths in learner code that point into the course rather than the exercise folder.
_COURSE_PATH = re.compile(r"(^|[/\\])(solutions|submitted|autograded|feedback|release|exercises"
                          r"|model_answers|\.ccexercise)([/\\]|$)|gradebook\.db|"
                          r"nbgrader_config\.py|(^|/)\.\./\.\./")
EXITS = {("sys", "exit"), ("os", "_exit"), ("os", "kill"), ("os", "abort"), ("os", "killpg"),
         ("signal", "raise_signal"), ("signal", "pthread_kill"), ("os", "system"),
         ("os", "execv"), ("os", "execl"), ("os", "execvp")}


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


# --------------------------------------------------------------------------
# The reference: the released exercise
# --------------------------------------------------------------------------

def reference_cells(release_notebook: Path) -> dict:
    """Plain data about every nbgrader cell of the released exercise (what learners got).

    ``{"order": [grade_id, ...], "cells": {grade_id: {"cell_type", "source",
    "checksum", "locked", "grade", "solution", "points", "cell"}}}`` (``cell``:
    the whole released cell, to put back a deleted one). The release
    version is the right reference: its test cells lack the hidden tests the
    gradebook's source cells hold, so their checksums differ by design.
    """
    from nbgrader.utils import compute_checksum

    nb = nbformat.read(str(release_notebook), as_version=4)
    cells, order = {}, []
    for cell in nb.cells:
        meta = _meta(cell)
        gid = meta.get("grade_id")
        if not gid:
            continue
        order.append(gid)
        cells[gid] = {"cell_type": cell.cell_type, "source": cell.source,
                      "checksum": compute_checksum(cell), "locked": bool(meta.get("locked")),
                      "grade": bool(meta.get("grade")), "solution": bool(meta.get("solution")),
                      "points": meta.get("points"), "cell": json.loads(json.dumps(cell))}
    return {"order": order, "cells": cells}


# --------------------------------------------------------------------------
# Before grading
# --------------------------------------------------------------------------

@dataclass
class Inspection:
    """What :func:`inspect_notebook` found: the notebook to grade (or None) and flags."""

    notebook: object | None
    flags: list[dict] = field(default_factory=list)
    repaired: bool = False

    @property
    def readable(self) -> bool:
        return self.notebook is not None


def _describe_json_error(error: json.JSONDecodeError) -> str:
    return f"line {error.lineno}, column {error.colno}: {error.msg}"


def _load(path: Path) -> tuple[dict | None, str | None]:
    raw = path.read_bytes()
    if not raw.strip():
        return None, "The file is empty."
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "The file is not text (it is not UTF-8): it is not a notebook."
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, (f"The file is not valid JSON ({_describe_json_error(error)}); it may have "
                      f"been cut off or edited outside Jupyter.")
    if not isinstance(data, dict) or not isinstance(data.get("cells", None), list) \
            or not isinstance(data.get("nbformat"), int):
        return None, ("The file is JSON but not a Jupyter notebook (it has no 'cells' list or "
                      "'nbformat' number).")
    if data["nbformat"] < 4:
        try:
            data = json.loads(nbformat.writes(nbformat.reads(text, as_version=4)))
        except Exception as error:  # noqa: BLE001
            return None, f"The notebook uses an old format that could not be converted ({error})."
    for index, cell in enumerate(data["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            return None, f"Cell {index + 1} of the notebook is damaged (it has no valid cell_type)."
        if not isinstance(cell.get("source", ""), (str, list)):
            return None, f"Cell {index + 1} of the notebook is damaged (its source is not text)."
        if not isinstance(cell.get("metadata", {}), dict):
            return None, f"Cell {index + 1} of the notebook is damaged (bad metadata)."
    return data, None


def _repair_duplicates(cells: list[dict], reference: dict) -> list[dict]:
    """Make grade_ids and cell ids unique in place; return flags describing what was done."""
    flags = []
    # 1. nbgrader grade_ids that appear more than once.
    positions: dict[str, list[int]] = {}
    for index, cell in enumerate(cells):
        gid = _meta(cell).get("grade_id")
        if gid:
            positions.setdefault(gid, []).append(index)
    drop: set[int] = set()
    for gid, where in positions.items():
        if len(where) < 2:
            continue
        ref = reference["cells"].get(gid)
        sources = [_join(cells[i].get("source")) for i in where]
        if ref is None or ref["locked"] or (ref["grade"] and not ref["solution"]):
            # A copied locked or test cell: keep the copy that matches the exercise (or the
            # first one) where it is; nbgrader restores its content anyway.
            keep = next((i for i, s in zip(where, sources)
                         if ref is not None and s == ref["source"]), where[0])
            drop.update(i for i in where if i != keep)
            what = "kept one copy and removed the others (it is restored and graded as released)"
        elif cells[where[0]].get("cell_type") == "markdown":
            # A copied written answer: merge the distinct texts into the first copy.
            texts = [s for s in dict.fromkeys(sources)
                     if s.strip() and (ref is None or s != ref["source"])]
            cells[where[0]]["source"] = "\n\n".join(texts) if texts else sources[0]
            drop.update(where[1:])
            what = "merged the copies' texts into one answer cell"
        else:
            # A copied code answer: drop untouched and identical copies; the last remaining
            # copy stays the graded answer cell, earlier ones run as ordinary cells.
            stub = ref["source"] if ref else None
            answered = [i for i, s in zip(where, sources) if s != stub]
            remaining = answered or [where[-1]]
            seen: dict[str, int] = {}
            for i in remaining:
                seen[_join(cells[i].get("source"))] = i      # the last of identical copies
            remaining = sorted(seen.values())
            drop.update(i for i in where if i not in remaining)
            for i in remaining[:-1]:
                cells[i].setdefault("metadata", {}).pop("nbgrader", None)
            what = ("kept your answer: the last answered copy is graded, other answered "
                    "copies run as ordinary cells, untouched copies were removed")
        flags.append(flag("duplicate-cell",
                          f"The cell '{gid}' appears {len(where)} times (a copied cell); "
                          f"{what}."))
    if drop:
        cells[:] = [c for i, c in enumerate(cells) if i not in drop]
    # 2. nbformat cell ids that appear more than once (copied by hand in the JSON).
    seen_ids: set[str] = set()
    renamed = 0
    for cell in cells:
        cid = cell.get("id")
        if cid is None:
            continue
        if cid in seen_ids:
            new = uuid.uuid4().hex[:8]
            while new in seen_ids:
                new = uuid.uuid4().hex[:8]
            cell["id"] = new
            renamed += 1
            cid = new
        seen_ids.add(cid)
    if renamed:
        flags.append(flag("duplicate-cell",
                          f"{renamed} cell(s) shared their cell id with another cell (copied "
                          f"by hand); they were given new ids before grading."))
    return flags


def _compare_locked(cells: list[dict], reference: dict, restores_missing: bool) -> list[dict]:
    from nbgrader.utils import compute_checksum

    flags = []
    present = {}
    for cell in cells:
        gid = _meta(cell).get("grade_id")
        if gid and gid not in present:
            present[gid] = cell
    for gid in reference["order"]:
        ref = reference["cells"][gid]
        is_test = ref["grade"] and not ref["solution"]
        cell = present.get(gid)
        if cell is None:
            if is_test:
                what = ("it was put back as released and graded" if restores_missing else
                        "nbgrader leaves it for manual grading")
                flags.append(flag("test-cell-deleted",
                                  f"The test cell '{gid}' was deleted; {what}."))
            elif ref["locked"]:
                what = ("it was put back as released" if restores_missing and ref.get("cell")
                        else "it was not restored, so cells that need it may fail")
                flags.append(flag("locked-cell-deleted",
                                  f"The locked cell '{gid}' was deleted; {what}."))
            elif ref["solution"]:
                restored = (" (put back empty)" if ref["grade"] and restores_missing
                            and ref.get("cell") else "")
                flags.append(flag("answer-cell-deleted",
                                  f"The answer cell '{gid}' was deleted{restored}."))
            continue
        if not (ref["locked"] or is_test):
            continue
        node = nbformat.from_dict(copy.deepcopy(cell))
        node.setdefault("metadata", {}).setdefault("nbgrader", {})
        try:
            checksum = compute_checksum(node)
        except Exception:  # noqa: BLE001 - damaged metadata counts as an edit
            checksum = None
        if checksum != ref["checksum"]:
            if is_test:
                flags.append(flag("test-cell-edited",
                                  f"The locked test cell '{gid}' was changed; it was graded as "
                                  f"released (the change had no effect on the score)."))
            else:
                flags.append(flag("locked-cell-edited",
                                  f"The locked cell '{gid}' was changed; nbgrader ran the "
                                  f"released version instead."))
    return flags


def _restore_missing(cells: list[dict], reference: dict) -> bool:
    """Put deleted locked cells, test cells and graded answers back as released; True if any.

    nbgrader's own ``add_missing_cells`` raises ``KeyError`` when the cell
    before a deleted test cell is a locked, ungraded cell (``check_...``),
    which fails the whole submission; so they are put back here, right
    after the nearest released cell that is still there.
    """
    present = {_meta(c).get("grade_id") for c in cells} - {None}
    ids = {c.get("id") for c in cells}
    changed = False
    for position, gid in enumerate(reference["order"]):
        ref = reference["cells"][gid]
        if gid in present or not ref.get("cell"):
            continue
        if not (ref["locked"] or ref["grade"]):
            continue        # an ungraded answer cell: nothing to put back
        restored = copy.deepcopy(ref["cell"])
        if restored.get("id") in ids or "id" not in restored:
            restored["id"] = uuid.uuid4().hex[:8]
        ids.add(restored["id"])
        anchor = -1
        for before in reversed(reference["order"][:position]):
            if before in present:
                anchor = max(i for i, c in enumerate(cells) if _meta(c).get("grade_id") == before)
                break
        cells.insert(anchor + 1, restored)
        present.add(gid)
        changed = True
    return changed


def inspect_notebook(path: Path, reference: dict, *, restores_missing: bool = True) -> Inspection:
    """Read a submitted notebook, repair what can be repaired, and flag what was found.

    ``reference`` is :func:`reference_cells` of the released exercise. The
    returned notebook (a NotebookNode, ready to be written and graded) is
    None when the file cannot be graded at all; the flags then explain why.
    """
    try:
        data, problem = _load(Path(path))
    except OSError as error:
        data, problem = None, f"The file could not be read ({error.strerror or error})."
    if data is None:
        return Inspection(None, [flag("invalid-notebook", problem or "Unreadable notebook.")])
    cells = data["cells"]
    for cell in cells:
        cell["source"] = _join(cell.get("source", ""))
        cell.setdefault("metadata", {})
        if not isinstance(cell["metadata"].get("nbgrader", {}), dict):
            cell["metadata"].pop("nbgrader")
    realigned = []
    if needs_realignment(cells, reference):
        cells, why = realign(cells, reference)
        data["cells"] = cells
        data["nbformat"], data["nbformat_minor"] = 4, max(5, int(data.get("nbformat_minor", 5)))
        realigned = [flag("realigned", f"The notebook {why}.")]
    flags = _repair_duplicates(cells, reference)
    repaired = bool(flags) or bool(realigned)
    flags = realigned + flags
    flags += _compare_locked(cells, reference, restores_missing)
    if restores_missing:
        repaired = _restore_missing(cells, reference) or repaired
    flags += _scan_learner_cells(cells, reference)
    # Not validated against the schema here: nbgrader copes with small problems itself.
    return Inspection(nbformat.from_dict(data), _dedupe(flags), repaired)


def _dedupe(flags: list[dict]) -> list[dict]:
    seen, out = set(), []
    for item in flags:
        key = (item["code"], item["reason"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# --------------------------------------------------------------------------
# Static reading of learner code
# --------------------------------------------------------------------------

def _python_source(source: str) -> str:
    """Cell source as plain Python (IPython magics and shell escapes turned into calls)."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:  # noqa: BLE001
        return source


def _dotted(node) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    if isinstance(node, ast.Call):
        inner = _dotted(node.func)
        if inner:
            parts.append(inner + "()")
            return ".".join(reversed(parts))
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, aliases: dict[str, str]):
        self.aliases = aliases          # local name -> module it stands for
        self.found: dict[str, set[str]] = {}

    def note(self, code: str, what: str) -> None:
        self.found.setdefault(code, set()).add(what)

    def module_of(self, node) -> str | None:
        """The module an expression's base name stands for (``cc.grading`` -> ``ccexercise``)."""
        name = _dotted(node)
        if not name:
            return None
        head = name.split(".")[0]
        return self.aliases.get(head)

    # bindings ----------------------------------------------------------------
    def bind(self, name: str, how: str) -> None:
        if name in HELPERS:
            self.note("helper-redefined", f"`{name}` ({how})")
        elif name in TEST_BUILTINS:
            self.note("builtin-shadowed", f"`{name}`")

    def visit_Import(self, node):
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in TAMPER_MODULES:
                self.note("runtime-tampering", f"imports `{alias.name}`")
            local = alias.asname or top
            self.aliases[local] = alias.name if alias.asname else top
            if alias.asname:
                self.bind(alias.asname, "import")
            elif top in HELPERS and top != "ccexercise":
                self.bind(top, "import")

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module.split(".")[0] in TAMPER_MODULES:
            self.note("runtime-tampering", f"imports from `{module}`")
        for alias in node.names:
            local = alias.asname or alias.name
            full = f"{module}.{alias.name}" if module else alias.name
            if module.startswith("ccexercise") or module in ("sys", "os"):
                self.aliases[local] = full
            if alias.name in TAMPER_MODULES or (module == "sys" and alias.name in TAMPER_SYS):
                self.note("runtime-tampering", f"imports `{full}`")
            if module.startswith("ccexercise") and local == alias.name and local in HELPERS:
                continue  # `from ccexercise.grading import exactly` gets the real helper
            if local != "*":
                self.bind(local, "import")

    def visit_FunctionDef(self, node):
        self.bind(node.name, "def")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.bind(node.name, "class")
        bases = [(_dotted(b) or "").split(".")[-1] for b in node.bases]
        lying = [b for b in bases if b in VALUE_TYPES or b.startswith(("int", "float", "bool"))]
        overrides = sorted({item.name for item in node.body
                            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                            and item.name in COMPARISONS}
                           | {t.id for item in node.body if isinstance(item, ast.Assign)
                              for t in item.targets
                              if isinstance(t, ast.Name) and t.id in COMPARISONS})
        if overrides or lying:
            parts = []
            if lying:
                parts.append(f"subclasses `{'`, `'.join(lying)}`")
            if overrides:
                parts.append(f"overrides `{'`, `'.join(overrides)}`")
            self.note("custom-equality", f"class `{node.name}` {' and '.join(parts)}")
        self.generic_visit(node)

    def _target(self, target, how: str) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, how)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self._target(elt, how)
        elif isinstance(target, ast.Starred):
            self._target(target.value, how)
        elif isinstance(target, ast.Attribute):
            self._attribute_write(target, how)
        elif isinstance(target, ast.Subscript):
            self._subscript_write(target, how)

    def _attribute_write(self, target: ast.Attribute, how: str) -> None:
        dotted = _dotted(target) or f"….{target.attr}"
        module = self.module_of(target.value)
        if module and module.startswith("ccexercise"):
            self.note("grading-module-patched", f"`{dotted}` ({how})")
        elif module in ("sys", "builtins", "importlib", "math", "numpy", "os", "types") \
                or (module or "").startswith(("sys.", "numpy", "math", "builtins")):
            self.note("runtime-tampering", f"`{dotted}` ({how})")
        elif target.attr in TAMPER_ATTRS:
            self.note("runtime-tampering", f"`{dotted}` ({how})")
        elif "get_ipython()" in dotted:
            self.note("runtime-tampering", f"`{dotted}` ({how})")

    def _subscript_write(self, target: ast.Subscript, how: str) -> None:
        dotted = _dotted(target.value) or ""
        module = self.module_of(target.value)
        if dotted.endswith(("__dict__", "modules", "__builtins__")) or dotted.startswith("vars("):
            code = ("grading-module-patched" if module and module.startswith("ccexercise")
                    else "runtime-tampering")
            self.note(code, f"`{dotted}[...]` ({how})")
        elif dotted in ("globals()", "locals()"):
            self.note("runtime-tampering", f"`{dotted}[...]` ({how})")

    def visit_Assign(self, node):
        for target in node.targets:
            self._target(target, "assignment")
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._target(node.target, "assignment")
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self._target(node.target, "assignment")
        self.generic_visit(node)

    def visit_NamedExpr(self, node):
        self._target(node.target, "assignment")
        self.generic_visit(node)

    def visit_Delete(self, node):
        for target in node.targets:
            self._target(target, "del")
        self.generic_visit(node)

    def visit_For(self, node):
        self._target(node.target, "loop variable")
        self.generic_visit(node)

    def visit_With(self, node):
        for item in node.items:
            if item.optional_vars is not None:
                self._target(item.optional_vars, "with")
        self.generic_visit(node)

    def visit_Global(self, node):
        for name in node.names:
            self.bind(name, "global")

    def visit_Raise(self, node):
        exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        if isinstance(exc, ast.Name) and exc.id in ("SystemExit", "KeyboardInterrupt"):
            self.note("kernel-exit", f"`raise {exc.id}`")
        self.generic_visit(node)

    def visit_Call(self, node):
        name = _dotted(node.func) or ""
        head, _, rest = name.partition(".")
        module = self.aliases.get(head, head)
        full = f"{module}.{rest}" if rest else module
        base, _, last = full.rpartition(".")
        if name in ("exit", "quit") or (base.split(".")[-1], last) in EXITS \
                or (module, rest) in EXITS:
            self.note("kernel-exit", f"`{name}()`")
        if name in ("setattr", "delattr") and node.args:
            target = self.module_of(node.args[0])
            code = ("grading-module-patched" if target and target.startswith("ccexercise")
                    else "runtime-tampering")
            self.note(code, f"`{name}({_dotted(node.args[0]) or '…'}, …)`")
        if name in ("__import__", "exec", "eval", "compile", "globals", "vars",
                    "breakpoint") and name != "":
            self.note("runtime-tampering", f"`{name}()`")
        if module == "sys" and rest.split(".")[0] in TAMPER_SYS:
            self.note("runtime-tampering", f"`{full}()`")
        if "get_ipython()" in name and name.split(".")[-1] in IPYTHON_HOOKS | {"register"}:
            self.note("runtime-tampering", f"`{name}()`")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        module = self.module_of(node.value)
        if module == "sys" and node.attr in TAMPER_SYS:
            self.note("runtime-tampering", f"uses `sys.{node.attr}`")
        if isinstance(node.value, ast.Call) and (_dotted(node.value.func) == "get_ipython") \
                and node.attr in IPYTHON_HOOKS:
            self.note("runtime-tampering", f"uses `get_ipython().{node.attr}`")
        if node.attr in ("__code__", "__globals__", "__builtins__", "__subclasses__",
                         "__closure__", "f_globals", "f_locals", "f_back", "gi_frame",
                         "tb_frame", "__mro__"):
            self.note("runtime-tampering", f"uses `.{node.attr}`")
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and _COURSE_PATH.search(node.value):
            self.note("course-access", f"the path {node.value[:80]!r}")

    def visit_Name(self, node):
        if node.id in ("__builtins__", "__import__", "__loader__", "__spec__"):
            self.note("runtime-tampering", f"uses `{node.id}`")
        self.generic_visit(node)


_REASONS = {
    "course-access": "names course files or other learners' work ({what}); the grading "
                     "sandbox hides them",
    "helper-redefined": "redefines {what}, which the tests use to check answers; the hidden "
                        "tests use their own copy, so this cannot change the score",
    "builtin-shadowed": "redefines Python's built-in {what}, which the tests use",
    "grading-module-patched": "changes the ccexercise package at run time ({what}); the "
                              "grader restores it before every test",
    "runtime-tampering": "reaches into Python or the kernel ({what}), which no answer in this "
                         "course needs",
    "custom-equality": "defines values that can lie about comparisons ({what}); the tests "
                       "compare exact built-in types, so such values do not pass",
    "kernel-exit": "tries to stop the kernel ({what})",
}


def scan_source(source: str, aliases: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Static findings in one cell of learner code: ``{flag code: {what, ...}}``.

    ``aliases`` maps local names to modules (``{"cc": "ccexercise"}``) and is
    updated with the cell's own imports.

    >>> sorted(scan_source("import ccexercise.grading as g\\ng.exactly = lambda *a, **k: True"))
    ['grading-module-patched']
    >>> scan_source("answer = 3 * 16")
    {}
    """
    aliases = {} if aliases is None else aliases
    try:
        tree = ast.parse(_python_source(source))
    except (SyntaxError, ValueError):
        return {}
    scanner = _Scanner(aliases)
    scanner.visit(tree)
    return scanner.found


def _scan_learner_cells(cells: list[dict], reference: dict) -> list[dict]:
    """Flags for the code a learner controls: answer cells and cells they added."""
    aliases = {"cc": "ccexercise"}
    found: dict[str, dict[str, list[str]]] = {}
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        gid = _meta(cell).get("grade_id")
        ref = reference["cells"].get(gid) if gid else None
        source = _join(cell.get("source"))
        if ref is not None and (ref["locked"] or (ref["grade"] and not ref["solution"])):
            # Locked cells are replaced by the released version: read them only for imports.
            scan_source(ref["source"], aliases)
            continue
        where = f"'{gid}'" if gid else f"cell {index + 1} (added by the learner)"
        for code, whats in scan_source(source, aliases).items():
            found.setdefault(code, {}).setdefault(where, []).extend(sorted(whats))
    flags = []
    for code, places in found.items():
        for where, whats in places.items():
            what = ", ".join(dict.fromkeys(whats))
            flags.append(flag(code, f"Cell {where} {_REASONS[code].format(what=what)}."))
    return flags


# --------------------------------------------------------------------------
# After grading
# --------------------------------------------------------------------------

def outcome_flags(nb, *, timeout: float | None = None, memory_mb: int | None = None) -> list[dict]:
    """Flags read from an executed (autograded) notebook's outputs."""
    flags = []
    for index, cell in enumerate(getattr(nb, "cells", [])):
        if cell.get("cell_type") != "code":
            continue
        gid = _meta(cell).get("grade_id")
        where = f"'{gid}'" if gid else f"{index + 1}"
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            ename = output.get("ename", "")
            if ename in ("CellTimeoutError", "KeyboardInterrupt") and \
                    any("timeout" in line.lower() or ename == "KeyboardInterrupt"
                        for line in output.get("traceback", []) or [ename]):
                limit = f" of {timeout:g} s" if timeout else ""
                flags.append(flag("timeout", f"Cell {where} ran past the time limit{limit} and "
                                             f"was stopped; the rest of the notebook still ran."))
            elif ename == "MemoryError":
                cap = f" ({memory_mb} MB)" if memory_mb else ""
                flags.append(flag("memory-limit", f"Cell {where} hit the memory cap{cap} and was "
                                                  f"stopped with MemoryError."))
            elif ename == "SystemExit":
                flags.append(flag("kernel-exit", f"Cell {where} called sys.exit(); the kernel "
                                                 f"caught it and the notebook went on."))
            elif ename in ("FileNotFoundError", "PermissionError") and \
                    _COURSE_PATH.search(str(output.get("evalue", ""))):
                flags.append(flag("course-access", f"Cell {where} tried to open a course file "
                                                   f"and was refused ({ename}: "
                                                   f"{str(output.get('evalue', ''))[:160]})."))
            elif ename == KERNEL_DIED:
                flags.append(flag("kernel-died", output.get("evalue", "The kernel died.")))
    return _dedupe(flags)


# --------------------------------------------------------------------------
# During grading: nbgrader's Execute, guarded
# --------------------------------------------------------------------------

#: ``ename`` of the error put in cells that a dead kernel did not run.
KERNEL_DIED = "KernelDied"

_LOCAL = threading.local()


def _events() -> list[dict]:
    if not hasattr(_LOCAL, "events"):
        _LOCAL.events = []
    return _LOCAL.events


def execution_events(reset: bool = False) -> list[dict]:
    """Events :class:`GuardedExecute` recorded in this thread (guard problems, dead kernels)."""
    events = list(_events())
    if reset:
        _events().clear()
    return events


def _kernel_guard(token):
    """Runs inside the grading kernel before any learner code (sent as source).

    Installs ``_ccx_<token>()`` in builtins: it puts back, by identity, what
    learner code might have replaced: the ``ccexercise`` modules (their
    attributes, the functions' code and the classes' attributes), the
    comparison tables of ``ccexercise.grading``, ``builtins``, ``math``,
    ``numpy``, the import system entries of ``sys``, trace functions, and
    IPython's hooks (events, AST and input transformers, methods of the
    shell and the kernel). Only C-level methods captured here are used
    afterwards, so learner code cannot redirect the restore itself.
    """
    import builtins
    import importlib
    import sys
    import types

    shell = get_ipython()  # noqa: F821 - provided by IPython
    kernel = getattr(shell, "kernel", None)
    for name in ("ccexercise", "ccexercise.grading", "ccexercise.lost_customers",
                 "ccexercise.checks", "math", "numpy"):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001
            pass
    modules_dict = sys.modules
    d_get, d_set, d_del, d_items, d_clear, d_update = (dict.get, dict.__setitem__,
                                                       dict.__delitem__, dict.items,
                                                       dict.clear, dict.update)
    l_set, t_setattr, t_delattr, o_setattr = (list.__setitem__, type.__setattr__,
                                              type.__delattr__, object.__setattr__)
    l_copy, is_callable, ident = list.copy, callable, id
    settrace, setprofile, gettrace, getprofile = (sys.settrace, sys.setprofile, sys.gettrace,
                                                  sys.getprofile)
    code_attr = types.FunctionType.__code__
    defaults_attr = types.FunctionType.__defaults__
    kwdefaults_attr = types.FunctionType.__kwdefaults__
    trusted = ("IPython", "ipykernel", "matplotlib", "matplotlib_inline", "ipywidgets", "comm",
               "traitlets", "jupyter_client", "zmq", "debugpy", "ccexercise", "pandas", "numpy")

    protected = {name: module for name, module in list(modules_dict.items())
                 if name == "ccexercise" or name.startswith("ccexercise.")}
    for name in ("math", "numpy", "builtins"):
        if name in modules_dict:
            protected[name] = modules_dict[name]
    module_snaps = [(module, module.__dict__, dict(module.__dict__))
                    for module in protected.values()]
    added_forbidden = [protected[n].__dict__ for n in ("ccexercise.grading",) if n in protected]
    functions, classes, containers = [], [], []
    for name, module in protected.items():
        if not name.startswith("ccexercise"):
            continue
        for key, value in list(module.__dict__.items()):
            kind = type(value)
            if kind is types.FunctionType and value.__module__ == name:
                functions.append((value, value.__code__, value.__defaults__,
                                  value.__kwdefaults__))
            elif isinstance(value, type) and value.__module__ == name:
                classes.append((value, dict(value.__dict__)))
            elif name == "ccexercise.grading" and kind in (dict, list) \
                    and not key.startswith("__"):
                containers.append((value, kind(value)))
    sys_keys = ("modules", "meta_path", "path_hooks", "path_importer_cache", "settrace",
                "setprofile", "gettrace", "getprofile", "addaudithook")
    # What IPython itself swaps in and out around every execution; not learner tampering,
    # and no verdict depends on it (tests run in the judge).
    churn = frozenset({"_", "__", "___", "get_ipython", "input", "getpass", "display",
                       "sys_excepthook"})
    sys_dict = sys.__dict__
    sys_snap = {k: sys_dict[k] for k in sys_keys if k in sys_dict}
    sys_lists = [(sys.meta_path, list(sys.meta_path)), (sys.path_hooks, list(sys.path_hooks))]
    trace, profile = gettrace(), getprofile()
    hook_classes = []
    for obj in (shell, kernel):
        if obj is None:
            continue
        for cls in type(obj).__mro__:
            if cls is not object and cls.__module__.split(".")[0] in trusted:
                hook_classes.append((cls, dict(cls.__dict__)))
    instances = [(obj, obj.__dict__, dict(obj.__dict__)) for obj in (shell, kernel)
                 if obj is not None]
    user_ns = shell.user_ns
    hook_lists = [shell.ast_transformers, shell.input_transformers_post,
                  shell.input_transformer_manager.cleanup_transforms,
                  shell.input_transformer_manager.line_transforms,
                  *shell.events.callbacks.values()]
    hook_snaps = [(lst, l_copy(lst)) for lst in hook_lists]
    custom_exceptions = shell.custom_exceptions

    def is_trusted(callback):
        func = getattr(callback, "__func__", callback)
        module = getattr(func, "__module__", None) or ""
        return isinstance(module, str) and module.split(".")[0] in trusted

    def restore():
        """Put everything back; return the kinds of things that had to be put back."""
        fixed = []
        for name, module in d_items(protected):
            if d_get(modules_dict, name) is not module:
                d_set(modules_dict, name, module)
                fixed.append("sys.modules")
        for module, mdict, snap in module_snaps:
            for key, value in d_items(snap):
                if key in churn:
                    continue
                if d_get(mdict, key, restore) is not value:
                    d_set(mdict, key, value)
                    fixed.append("module attributes")
        for mdict in added_forbidden:
            for key in [k for k in mdict if k not in module_snaps_keys]:
                d_del(mdict, key)
                fixed.append("module attributes")
        for func, code, defaults, kwdefaults in functions:
            if code_attr.__get__(func) is not code:
                code_attr.__set__(func, code)
                fixed.append("function code")
            if defaults_attr.__get__(func) is not defaults:
                defaults_attr.__set__(func, defaults)
                fixed.append("function defaults")
            if kwdefaults_attr.__get__(func) is not kwdefaults:
                kwdefaults_attr.__set__(func, kwdefaults)
                fixed.append("function defaults")
        for cls, snap in classes + hook_classes:
            current = cls.__dict__
            for key, value in d_items(snap):
                if current.get(key, restore) is not value:
                    try:
                        t_setattr(cls, key, value)
                        fixed.append("class methods")
                    except (AttributeError, TypeError):
                        pass
            for key in [k for k in current if k not in snap]:
                try:
                    t_delattr(cls, key)
                    fixed.append("class methods")
                except (AttributeError, TypeError):
                    pass
        for container, snap in containers:
            if type(container) is dict:
                if len(container) != len(snap) or any(d_get(container, k, restore) is not v
                                                       for k, v in d_items(snap)):
                    d_clear(container)
                    d_update(container, snap)
                    fixed.append("grading tables")
            elif len(container) != len(snap) or any(a is not b for a, b in zip(container, snap)):
                l_set(container, slice(None), snap)
                fixed.append("grading tables")
        for key, value in d_items(sys_snap):
            if d_get(sys_dict, key, restore) is not value:
                d_set(sys_dict, key, value)
                fixed.append("sys hooks")
        for lst, snap in sys_lists:
            if len(lst) != len(snap) or any(a is not b for a, b in zip(lst, snap)):
                l_set(lst, slice(None), snap)
                fixed.append("import system")
        if gettrace() is not trace:
            settrace(trace)
            fixed.append("trace function")
        if getprofile() is not profile:
            setprofile(profile)
            fixed.append("profile function")
        for obj, idict, snap in instances:
            for key in list(idict):
                value = d_get(idict, key)
                if key in churn:
                    continue
                if key in snap:
                    if value is not snap[key] and is_callable(snap[key]):
                        d_set(idict, key, snap[key])
                        fixed.append("shell or kernel methods")
                elif is_callable(value):
                    d_del(idict, key)
                    fixed.append("shell or kernel methods")
        for lst, snap in hook_snaps:
            keep = [item for item in lst if any(item is s for s in snap) or is_trusted(item)]
            if len(keep) != len(lst):
                l_set(lst, slice(None), keep)
                fixed.append("IPython transformers or event callbacks")
        if shell.custom_exceptions is not custom_exceptions or custom_exceptions:
            o_setattr(shell, "custom_exceptions", ())
            fixed.append("custom exception handler")
        if d_get(user_ns, "__builtins__") is not builtins:
            d_set(user_ns, "__builtins__", builtins)
            fixed.append("builtins")
        return sorted(set(fixed))

    module_snaps_keys = set(protected["ccexercise.grading"].__dict__) \
        if "ccexercise.grading" in protected else set()
    builtins.__dict__["_ccx_" + token] = restore
    # The snapshot of builtins must include the restore function itself.
    for module, mdict, snap in module_snaps:
        if module is builtins:
            snap["_ccx_" + token] = restore


class _Unresponsive(Exception):
    pass


#: Largest answer data read back from a kernel (characters of its repr).
MAX_ANSWER_BYTES = 64 * 1024 * 1024


class _Verdicts:
    """One submission's session with the judge process (:mod:`.judge`)."""

    def __init__(self, resources, timeout):
        from .judge import judge_client

        self.judge = judge_client()
        self.cwd = str(((resources or {}).get("metadata") or {}).get("path") or ".")
        self.timeout = float(timeout or 60)
        self.setup_sources: list[str] = []
        self.judge.reset(self.cwd)

    def has(self, names: list[str]) -> set[str]:
        return set(self._ask({"op": "has", "names": names}).get("names", []))

    def setup(self, source: str) -> None:
        if self._ask({"op": "setup", "source": source}).get("ran"):
            self.setup_sources.append(source)

    def _ask(self, message: dict, timeout: float | None = None) -> dict:
        from .judge import JudgeTimeout

        try:
            return self.judge.request(message, timeout or max(60.0, self.timeout))
        except JudgeTimeout:
            # A fresh judge, set up again as this submission had it.
            self.judge.reset(self.cwd)
            for source in self.setup_sources:
                self.judge.request({"op": "setup", "source": source}, max(60.0, self.timeout))
            raise

    def run_test(self, cell, source: str, values: dict) -> None:
        from nbformat.notebooknode import NotebookNode

        from .judge import JudgeTimeout

        try:
            reply = self._ask({"op": "test", "source": source, "values": values}, self.timeout)
        except JudgeTimeout:
            message = f"Cell execution timed out: the test ran past {self.timeout:g} s (timeout)."
            reply = {"outputs": [{"output_type": "error", "ename": "CellTimeoutError",
                                  "evalue": message, "traceback": [message]}], "count": None}
        cell.outputs = [NotebookNode(o) for o in reply.get("outputs", [])]
        cell.execution_count = reply.get("count")


def _make_guarded_execute():
    from nbclient.exceptions import DeadKernelError
    from nbclient.util import run_sync
    from nbformat.notebooknode import NotebookNode
    from nbgrader.preprocessors import Execute
    from nbgrader.utils import is_grade
    from traitlets import Bool, Integer

    from .judge import assigned_names, free_names

    class GuardedExecute(Execute):
        """nbgrader's Execute with a test guard and a defined outcome for dead kernels."""

        guard = Bool(True, help="restore grading helpers before every test cell"
                     ).tag(config=True)
        responsive_timeout = Integer(10, help="seconds a timed-out kernel has to answer again"
                                     ).tag(config=True)

        async def _async_silent(self, code: str, timeout: float,
                                expressions: dict | None = None) -> dict | None:
            """Run ``code`` silently; its reply content, or None if no reply in ``timeout``."""
            import time

            msg_id = self.kc.execute(code, silent=True, store_history=False,
                                     user_expressions=expressions or {},
                                     allow_stdin=False, stop_on_error=False)
            deadline = time.monotonic() + timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                try:
                    msg = await self.kc.shell_channel.get_msg(timeout=min(remaining, 1.0))
                except Exception:  # noqa: BLE001 - queue.Empty: keep waiting, check the kernel
                    if not await self.km.is_alive():
                        raise DeadKernelError("Kernel died") from None
                    continue
                if msg.get("parent_header", {}).get("msg_id") == msg_id:
                    return msg["content"]

        _silent = run_sync(_async_silent)

        def _died(self, cell, index: int, why: str) -> None:
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            where = f"'{gid}'" if gid else f"{index + 1}"
            reason = (f"The Python kernel {why} in cell {where}; the cells after it were not "
                      f"run and score 0, the cells before it keep their scores.")
            _events().append({"code": "kernel-died", "cell": index, "reason": reason})
            cell.setdefault("outputs", []).append(NotebookNode(
                output_type="error", ename=KERNEL_DIED, evalue=reason,
                traceback=[f"{KERNEL_DIED}: {reason}"]))

        def _not_run(self, cell, first: int) -> None:
            if cell.get("cell_type") != "code":
                return
            cell.outputs = [NotebookNode(
                output_type="error", ename="NotRun",
                evalue=f"Not run: the kernel died in cell {first + 1}.",
                traceback=[f"NotRun: the kernel died in cell {first + 1}."])]
            cell.execution_count = None

        @staticmethod
        def _trusted_sources(resources) -> tuple[set[str], set[str]]:
            """(test cell sources, locked set-up cell sources) of this notebook, from the gradebook."""
            from nbgrader.api import Gradebook

            info = (resources or {}).get("nbgrader", {})
            if not info.get("db_url"):
                return set(), set()
            with Gradebook(info["db_url"]) as gb:
                notebook = gb.find_notebook(info["notebook"], info["assignment"])
                graded = {c.name for c in notebook.grade_cells}
                solution = {c.name for c in notebook.solution_cells}
                tests, setup = set(), set()
                for cell in notebook.source_cells:
                    if cell.cell_type != "code":
                        continue
                    if cell.name in graded and cell.name not in solution:
                        tests.add(cell.source)
                    elif cell.locked and cell.name not in graded:
                        setup.add(cell.source)
            return tests, setup

        def _check_guard(self, token: str, index: int) -> None:
            """Run the kernel guard; record what learner code had changed in the kernel."""
            reply = self._silent("pass", 30, {"fixed": f"_ccx_{token}()"})
            if reply is None:
                raise _Unresponsive("did not answer")
            result = (reply.get("user_expressions") or {}).get("fixed", {})
            if reply.get("status") != "ok" or result.get("status") != "ok":
                _events().append({"code": "guard", "cell": index, "reason": (
                    f"The kernel guard could not run before cell {index + 1} "
                    f"({result.get('ename') or reply.get('ename')})")})
                return
            text = result.get("data", {}).get("text/plain", "[]")
            try:
                fixed = [str(x) for x in ast.literal_eval(text[:2000])]
            except (ValueError, SyntaxError):
                fixed = ["unreadable guard report"]
            if fixed:
                _events().append({"code": "guard", "cell": index, "reason": (
                    f"Before cell {index + 1}, learner code had changed the kernel's "
                    f"{', '.join(fixed)}")})

        def _answers(self, source: str, judge, learner_names: set[str]) -> dict:
            """The values the test reads, as plain data from the learner's kernel."""
            names = free_names(source)
            have = judge.has(names)
            wanted = [n for n in names if n in learner_names or n not in have]
            if not wanted:
                return {}
            expression = (f"__import__('ccexercise.pipeline.answers', fromlist=['dump'])"
                          f".dump({wanted!r}, globals())")
            reply = self._silent("pass", max(30, self.timeout or 30), {"answers": expression})
            if reply is None:
                raise _Unresponsive("did not answer when its answers were read")
            result = (reply.get("user_expressions") or {}).get("answers", {})
            text = result.get("data", {}).get("text/plain", "") if result.get("status") == "ok" \
                else ""
            try:
                data = json.loads(ast.literal_eval(text)) if len(text) < MAX_ANSWER_BYTES else {}
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                data = {}
            return data if isinstance(data, dict) else {}

        @staticmethod
        def _timed_out(cell) -> bool:
            return any(o.get("output_type") == "error" and o.get("ename") == "CellTimeoutError"
                       for o in cell.get("outputs", []))

        def preprocess(self, nb, resources=None, km=None):
            from nbclient import NotebookClient

            NotebookClient.__init__(self, nb, km)
            self.reset_execution_trackers()
            self._check_assign_resources(resources)
            token = secrets.token_hex(8)
            with self.setup_kernel():
                assert self.kc
                info_msg = self.wait_for_reply(self.kc.kernel_info())
                assert info_msg
                self.nb.metadata["language_info"] = info_msg["content"]["language_info"]
                armed = False
                if self.guard:
                    source = textwrap.dedent(inspect.getsource(_kernel_guard))
                    reply = self._silent(f"{source}\n_kernel_guard({token!r})\ndel _kernel_guard",
                                         max(60, self.timeout or 60))
                    armed = bool(reply and reply.get("status") == "ok")
                    if not armed:
                        why = str((reply or {}).get("evalue", "no reply"))
                        _events().append({"code": "guard-arm", "reason": (
                            f"The grading guard could not be set up in the kernel ({why}); "
                            f"the tests ran without it.")})
                tests, setup = self._trusted_sources(resources)
                judge = _Verdicts(resources, self.timeout)
                learner_names: set[str] = set()
                dead_at = None
                for index, cell in enumerate(self.nb.cells):
                    if dead_at is not None:
                        self._not_run(cell, dead_at)
                        continue
                    source = cell.source if cell.cell_type == "code" else None
                    try:
                        if source is not None and source in tests:
                            if armed:
                                self._check_guard(token, index)
                            values = self._answers(source, judge, learner_names)
                            judge.run_test(cell, source, values)
                            continue
                        self.preprocess_cell(cell, resources, index)
                        if self._timed_out(cell):
                            reply = self._silent("pass", self.responsive_timeout)
                            if reply is None:
                                raise _Unresponsive("stopped answering after a timeout")
                        if source is not None and source in setup:
                            judge.setup(source)
                        elif source is not None:
                            learner_names |= assigned_names(source)
                    except DeadKernelError:
                        dead_at = index
                        self._died(cell, index, "died (it exited, crashed or ran out of memory)")
                    except _Unresponsive as error:
                        # Leaving setup_kernel() shuts the stuck kernel down.
                        dead_at = index
                        self._died(cell, index, str(error))
            self.set_widgets_metadata()
            return self.nb, self.resources

    return GuardedExecute


def __getattr__(name):
    # GuardedExecute subclasses nbgrader's Execute; build it on first use so that importing
    # this module (for records, scans, reports) does not import nbgrader.
    if name == "GuardedExecute":
        cls = _make_guarded_execute()
        cls.__module__ = __name__
        cls.__qualname__ = "GuardedExecute"
        globals()["GuardedExecute"] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
