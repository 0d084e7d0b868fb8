"""During grading: nbgrader's Execute, guarded, with test cells judged outside the kernel.

:class:`GuardedExecute` arms :mod:`.kernel_guard` in the learner's kernel,
runs learner and set-up cells there, sends every test cell with the
answers it reads (plain data, :mod:`.answers`) to the judge (:mod:`.judge`),
and gives a dead or stuck kernel a defined outcome.
"""

from __future__ import annotations

import ast
import inspect
import json
import secrets
import textwrap
import threading

from .flags import KERNEL_DIED
from .kernel_guard import _kernel_guard

__all__ = ["GuardedExecute", "execution_events"]

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
            expression = (f"__import__('ccexercise.pipeline.integrity.answers', fromlist=['dump'])"
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
