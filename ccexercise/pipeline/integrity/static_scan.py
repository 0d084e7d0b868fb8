"""Static reading of learner code (answer cells and cells they added), before grading.

:func:`scan_source` reads one cell with :mod:`ast` and names what it touches:
checking helpers, built-ins the tests use, the ``ccexercise`` package, the
import system, IPython's hooks, comparisons that can lie, exits and paths
into the course. :func:`scan_learner_cells` turns that into flags.
"""

from __future__ import annotations

import ast
import re

from .flags import _join, _meta, flag

__all__ = ["scan_learner_cells", "scan_source"]

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


def scan_learner_cells(cells: list[dict], reference: dict) -> list[dict]:
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
