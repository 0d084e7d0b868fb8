"""Test-session set-up shared by every test folder (and the doctests).

Jupyter, IPython, matplotlib and nbgrader write settings and caches into the
home folder. Point all of them at a throw-away folder so a test run leaves
the user's home alone, and put this environment's ``bin`` first on PATH so
the subprocesses nbgrader starts (``alembic``, kernels) come from it.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="ccexercise-tests-home-"))


def pytest_configure(config):
    home = _SANDBOX
    for var, sub in {
        "HOME": "",
        "JUPYTER_CONFIG_DIR": ".jupyter",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTER_DATA_DIR": "jupyter-data",
        "IPYTHONDIR": ".ipython",
        "MPLCONFIGDIR": "matplotlib",
        "XDG_CACHE_HOME": ".cache",
        "XDG_CONFIG_HOME": ".config",
    }.items():
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(path)
    os.environ["JUPYTER_PLATFORM_DIRS"] = "1"
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def pytest_unconfigure(config):
    shutil.rmtree(_SANDBOX, ignore_errors=True)
