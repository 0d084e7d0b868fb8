"""The judge: a separate, trusted process where test cells run on learner answers as data.

No learner code runs here. :class:`GuardedExecute` runs the learner's cells
in the sandboxed kernel; for each graded test cell it takes the values the
test reads out of that kernel as plain data (:mod:`.answers`) and sends
them with the test's source (from the gradebook, not from the submission)
to this process, which:

* keeps one namespace per submission, filled by the course's own locked
  set-up cells (``import ccexercise as cc``, loading the data ...), run here
  when everything they read is already defined here;
* puts the learner's values into that namespace, runs the test cell with
  IPython (so tracebacks look exactly as in a kernel, ``Cell In[n], line
  k``, which feedback relies on to hide hidden tests), and returns its
  outputs as notebook outputs.

Whatever learner code did to its own kernel (input or AST transformers,
event callbacks, patched shell methods or helpers, trace hooks) stays in
that kernel: the verdict is made here.

The protocol is one JSON object per line on stdin and stdout. Run
``python -m ccexercise.pipeline.integrity.judge``; use it through :class:`Judge`.
"""

from __future__ import annotations

import ast
import builtins
import json
import os
import select
import subprocess
import sys
import threading

__all__ = ["Judge", "assigned_names", "free_names", "judge_client"]

#: Seconds the judge may take to start (it imports IPython and pandas).
START_TIMEOUT = 120


def free_names(source: str) -> list[str]:
    """Names a cell reads that it does not import or define itself, builtins left out.

    >>> free_names("from x import exactly as _e\\nassert _e(answer, 3) and len(data) > k")
    ['answer', 'data', 'k']
    >>> free_names("x = (")
    []
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    defined, read = set(), []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            read.append(node.id)
    return sorted({n for n in read if n not in defined and not hasattr(builtins, n)})


def assigned_names(source: str) -> set[str]:
    """Names a cell binds at any level (assignments, imports, definitions, loop targets).

    >>> sorted(assigned_names("a = 1\\nfor b in x: pass\\nimport numpy as np\\ndef f(): c = 2"))
    ['a', 'b', 'c', 'f', 'np']
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


# --------------------------------------------------------------------------
# The judge process
# --------------------------------------------------------------------------

def _serve() -> None:   # pragma: no cover - runs in the judge process, tested through Judge
    import contextlib
    import io

    from IPython.core.interactiveshell import InteractiveShell

    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)   # stray prints never reach the protocol

    class Shell(InteractiveShell):
        def _showtraceback(self, etype, evalue, stb):
            self.last_error = {"output_type": "error", "ename": etype.__name__,
                               "evalue": str(evalue), "traceback": list(stb)}

    shell = Shell.instance()
    shell.ast_node_interactivity = "none"
    shell.history_manager.enabled = False

    def run(source: str) -> dict:
        shell.last_error = None
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            shell.run_cell(source, store_history=True)
        outputs = [{"output_type": "stream", "name": name, "text": text.getvalue()}
                   for name, text in (("stdout", out), ("stderr", err)) if text.getvalue()]
        if shell.last_error:
            outputs.append(shell.last_error)
        return {"outputs": outputs, "count": shell.execution_count - 1}

    from .answers import Unsendable, load

    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        if op == "reset":
            shell.reset(new_session=True)
            os.chdir(request.get("cwd") or "/")
            reply = {"ok": True}
        elif op == "setup":
            own = assigned_names(request["source"])
            ready = all(n in shell.user_ns or n in own for n in free_names(request["source"]))
            reply = {"ran": ready, **(run(request["source"]) if ready else {})}
        elif op == "has":
            reply = {"names": [n for n in request["names"] if n in shell.user_ns]}
        elif op == "test":
            for name in request.get("drop", []):
                shell.user_ns.pop(name, None)
            for name, value in load(request.get("values") or {}).items():
                # A learner's function or object (say, their own ``expect_type``) never
                # replaces what the course's set-up cells defined here.
                if not (isinstance(value, Unsendable) and name in shell.user_ns):
                    shell.user_ns[name] = value
            reply = run(request["source"])
        else:
            reply = {"error": f"unknown op {op!r}"}
        protocol.write(json.dumps(reply) + "\n")


# --------------------------------------------------------------------------
# The client (in the grading worker)
# --------------------------------------------------------------------------

class JudgeTimeout(Exception):
    """The judge did not answer in time (it is restarted on next use)."""


class Judge:
    """A judge process, started on first use and kept for the worker's later submissions."""

    def __init__(self):
        self.process: subprocess.Popen | None = None

    def _start(self) -> None:
        env = dict(os.environ)
        env.pop("JPY_PARENT_PID", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ccexercise.pipeline.integrity.judge"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1, env=env)

    def request(self, message: dict, timeout: float) -> dict:
        if self.process is None or self.process.poll() is not None:
            self._start()
        assert self.process and self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.close()
            raise JudgeTimeout(f"the judge did not answer within {timeout:g} s")
        return json.loads(line)

    def reset(self, cwd: str) -> None:
        self.request({"op": "reset", "cwd": cwd}, START_TIMEOUT)

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


_LOCAL = threading.local()


def judge_client() -> Judge:
    """This thread's judge (one process per grading thread, reused across submissions)."""
    if getattr(_LOCAL, "judge", None) is None:
        _LOCAL.judge = Judge()
    return _LOCAL.judge


if __name__ == "__main__":   # pragma: no cover
    _serve()
