"""Make nbgrader's own autograde (CLI and the Formgrader button) grade as safely as ``ccexercise grade``.

``nbgrader_config.py`` calls :func:`configure` with its config object.
From then on ``nbgrader autograde`` and the Formgrader's *Autograde*
button run :class:`SandboxedExecute` in place of nbgrader's ``Execute``:
the kit's guarded execution (test cells judged outside the learner's
kernel, :mod:`.integrity.judge`) with the learner's kernel in the same
sandbox ``ccexercise grade`` uses (:mod:`.integrity.sandbox`; bubblewrap
when it works here, else the memory cap only). Learners' *Validate*
button is not affected: it does not use the autograde preprocessors.

The per-cell time limit of every way of grading is :data:`CELL_TIMEOUT`
(seconds), defined here once.

Setting the environment variable ``CCEXERCISE_STOCK_AUTOGRADE=unsafe``
leaves stock nbgrader untouched; only the grading benchmark's serial
baseline does that.
"""

from __future__ import annotations

import atexit
import os
import shutil
from pathlib import Path

__all__ = ["CELL_TIMEOUT", "MEMORY_MB", "configure"]

#: Longest one cell may run, in seconds, in every way of grading (and in Validate).
CELL_TIMEOUT = 30
#: Address-space cap of a grading kernel, in MB.
MEMORY_MB = 1024
#: The environment variable that leaves stock nbgrader autograde as it is (benchmarks only).
UNSAFE = "CCEXERCISE_STOCK_AUTOGRADE"

_CHAIN = ["ccexercise.pipeline.stock.SandboxedExecute",
          "nbgrader.preprocessors.IgnorePattern",
          "nbconvert.preprocessors.ClearMetadataPreprocessor",
          "nbgrader.preprocessors.LimitOutput",
          "nbgrader.preprocessors.SaveAutoGrades",
          "nbgrader.preprocessors.AssignLatePenalties",
          "nbgrader.preprocessors.CheckCellMetadata"]


def configure(c, config_file: str) -> None:
    """Point nbgrader's autograde at the kit's sandboxed, guarded execution (see module docs)."""
    c.Execute.timeout = CELL_TIMEOUT
    if os.environ.get(UNSAFE) == "unsafe":
        return
    c.Autograde.autograde_preprocessors = list(_CHAIN)
    c.SandboxedExecute.course_root = str(Path(config_file).resolve().parent)


_KERNELS: dict = {}


def _kernel_for(root: Path, db_url: str, memory_mb: int) -> tuple[str, str]:
    """Once per process: choose the isolation, install the kernelspec; (kernel name, label)."""
    key = (str(root), db_url, memory_mb)
    if key in _KERNELS:
        return _KERNELS[key]
    from .integrity.sandbox import Isolation, choose_isolation, install_kernelspec
    from .integrity.sandbox_provisioner import clean_stale_socket_dirs

    clean_stale_socket_dirs()
    isolation = choose_isolation(root, db_url, memory_mb)
    folder = root / ".ccexercise" / "stock-kernels" / str(os.getpid())
    shutil.rmtree(folder, ignore_errors=True)
    name = install_kernelspec(Isolation("", "", 0, isolation.kernel_config), folder)
    atexit.register(shutil.rmtree, folder, True)
    paths = [str(folder), *[p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    _KERNELS[key] = (name, isolation.label)
    return _KERNELS[key]


def _make():
    from traitlets import Integer, Unicode

    from .integrity import GuardedExecute

    class SandboxedExecute(GuardedExecute):
        """:class:`~.integrity.GuardedExecute` with the learner's kernel in the grading sandbox."""

        course_root = Unicode("", help="the course folder (where nbgrader_config.py is)"
                              ).tag(config=True)
        memory_mb = Integer(MEMORY_MB, help="address-space cap of the kernel, MB"
                            ).tag(config=True)

        def preprocess(self, nb, resources=None, km=None):
            info = (resources or {}).get("nbgrader", {})
            root = Path(self.course_root or os.getcwd()).resolve()
            db_url = info.get("db_url") or f"sqlite:///{root / 'gradebook.db'}"
            self.kernel_name, label = _kernel_for(root, db_url, self.memory_mb)
            self.log.info("ccexercise: grading isolation: %s", label)
            return super().preprocess(nb, resources, km)

    return SandboxedExecute


def __getattr__(name):
    # Built on first use, so that loading nbgrader_config.py imports nothing heavy.
    if name == "SandboxedExecute":
        cls = _make()
        cls.__module__ = __name__
        cls.__qualname__ = "SandboxedExecute"
        globals()["SandboxedExecute"] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
