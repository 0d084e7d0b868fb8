"""Sandboxed grading kernels: what can be isolated here, and the command lines that do it.

``ccexercise grade`` runs learner code. Inside the sandbox that code must
not read ``solutions/``, the gradebook or other learners' work, nor reach
the network. The shape (measured in ``shared/notes/grading-sandbox.md``):

* a kernelspec in a private folder names the ``ccexercise-sandbox``
  provisioner (:mod:`.sandbox_provisioner`) with
  ``interrupt_mode: "message"``; nbgrader uses it via ``Execute.kernel_name``;
* the provisioner wraps the kernel command in ``prlimit --as=<cap>
  --fsize=... --core=0 -- bwrap ...`` (:func:`bubblewrap_argv`): new user/pid/ipc/uts/cgroup/net
  namespaces, an empty environment, the whole file system read-only, the
  course folder, home folders, ``/run`` and the Jupyter runtime folder
  hidden behind empty tmpfs mounts, the Python installation and the
  ``ccexercise`` package shown again read-only, and only the submission's
  own ``autograded/<learner>/<module>`` folder and the kernel's private
  socket folder writable;
* as root, the kernel additionally runs as the unprivileged user
  ``nobody`` (``setpriv`` inside a bwrap started without a user
  namespace), so it cannot read root-only files that are not hidden, and
  ``--nproc`` caps its processes.

:func:`choose_isolation` probes, once per run, what really works on this
machine (it starts a tiny sandboxed Python and checks that it cannot open
the gradebook, a solution notebook or a socket to the grader) and returns
the strongest :class:`Isolation`. Where nothing works, grading goes on
without a sandbox and the label says so.

>>> limit_argv(["python", "-m", "ipykernel_launcher"], 0)
['python', '-m', 'ipykernel_launcher']
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Isolation", "KERNEL_NAME", "PROVISIONER", "bubblewrap_argv", "choose_isolation",
           "hidden_paths", "install_kernelspec", "kernel_env", "limit_argv"]

#: Name of the kernelspec written for grading runs.
KERNEL_NAME = "ccexercise-grading"
#: Entry-point name of :class:`.sandbox_provisioner.SandboxProvisioner`.
PROVISIONER = "ccexercise-sandbox"
#: The unprivileged user the kernel runs as when the grader is root.
NOBODY = 65534
#: Most processes (and threads) the kernel's user may have, when it runs as ``nobody``.
NPROC = 512
#: Largest file learner code may write (MiB); no core dumps either.
FSIZE_MB = 512

#: Environment of a kernel under an address-space cap. glibc reserves 64 MiB of address
#: space per thread for malloc arenas: a kernel with pandas imported then "uses" ~900 MB
#: under ``--as`` while touching ~300 MB. Two arenas bring it to ~380 MB.
CAPPED_ENV = {"MALLOC_ARENA_MAX": "2"}

#: Launch-environment variables a sandboxed kernel keeps (nbgrader sets NBGRADER_EXECUTION).
PASSTHROUGH = ("NBGRADER_EXECUTION", "CCEXERCISE_DATA", "MPLBACKEND", "TZ", "LANG", "LC_ALL",
               "LC_CTYPE", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class Isolation:
    """How grading kernels are isolated in this run.

    ``mode`` is ``"bubblewrap"`` or ``"none"``; ``label`` is the sentence
    printed at the top of ``ccexercise grade`` and stored in every record;
    ``kernel_config`` is the provisioner configuration written into the
    kernelspec (plain JSON data, so it can travel to worker processes).
    """

    mode: str
    label: str
    memory_mb: int
    kernel_config: dict = field(default_factory=dict)

    @property
    def sandboxed(self) -> bool:
        return self.mode == "bubblewrap"


# --------------------------------------------------------------------------
# Command lines
# --------------------------------------------------------------------------

def limit_argv(cmd: list[str], memory_mb: int) -> list[str]:
    """``cmd`` started with an address-space cap of ``memory_mb`` MiB (no cap when 0).

    Uses ``prlimit`` when installed, else a two-line Python wrapper around
    :func:`resource.setrlimit`, so the cap works without util-linux.
    """
    if not memory_mb:
        return list(cmd)
    limit = int(memory_mb) * 2**20
    prlimit = shutil.which("prlimit")
    if prlimit:
        return [prlimit, f"--as={limit}", "--", *cmd]
    wrapper = ("import os, resource, sys; "
               "resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1]))); "
               "os.execvp(sys.argv[2], sys.argv[2:])")
    return [sys.executable, "-c", wrapper, str(limit), *cmd]


def kernel_env(base: dict, launch_env: dict, passthrough=PASSTHROUGH) -> dict[str, str]:
    """The sandboxed kernel's whole environment: ``base`` plus the ``passthrough`` variables.

    >>> kernel_env({"HOME": "/tmp"}, {"NBGRADER_EXECUTION": "autograde", "SECRET": "x"})
    {'HOME': '/tmp', 'NBGRADER_EXECUTION': 'autograde'}
    """
    env = {str(k): str(v) for k, v in base.items()}
    for name in passthrough:
        if name in launch_env and name not in env:
            env[name] = str(launch_env[name])
    return env


def _outermost(paths) -> list[str]:
    """Existing absolute folders in ``paths`` without the ones inside another, in order."""
    chosen: list[str] = []
    for raw in paths:
        path = os.path.realpath(raw)
        if not os.path.isdir(path) or path == "/":
            continue
        if any(path == c or path.startswith(c.rstrip("/") + "/") for c in chosen):
            continue
        chosen = [c for c in chosen if not c.startswith(path.rstrip("/") + "/")]
        chosen.append(path)
    return chosen


def _inside(path: str, folders) -> bool:
    return any(path == f or path.startswith(f.rstrip("/") + "/") for f in folders)


def bubblewrap_argv(cmd: list[str], *, cwd: str, private_dir: str, memory_mb: int,
                    hide=(), hide_files=(), expose=(), env: dict | None = None,
                    tmpfs_mb: int = 256, bwrap: str = "bwrap",
                    run_as: int | None = None) -> list[str]:
    """``cmd`` wrapped in ``prlimit`` and ``bwrap`` as described in the module docs.

    ``cwd`` (the submission's folder) and ``private_dir`` (the kernel's
    connection file and sockets) are the only writable folders besides a
    ``tmpfs_mb`` MiB ``/tmp``. With ``run_as`` (a uid; only as root) bwrap
    keeps the host's user namespace and ``setpriv`` drops to that user
    inside; otherwise bwrap makes a user namespace and maps the user to
    ``nobody`` there.
    """
    limits = [f"--fsize={FSIZE_MB * 2**20}", "--core=0"]
    if memory_mb:
        limits.append(f"--as={int(memory_mb) * 2**20}")
    if run_as is not None:
        limits.append(f"--nproc={NPROC}")
    prefix = [shutil.which("prlimit") or "prlimit", *limits, "--"]
    argv = [bwrap]
    if run_as is None:
        argv += ["--unshare-user", "--uid", str(NOBODY), "--gid", str(NOBODY), "--disable-userns"]
    argv += ["--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", "grader",
             "--unshare-cgroup-try", "--unshare-net", "--die-with-parent", "--new-session",
             "--clearenv"]
    for name, value in (env or {}).items():
        argv += ["--setenv", name, value]
    argv += ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
             "--perms", "01777", "--size", str(tmpfs_mb * 2**20), "--tmpfs", "/tmp",
             "--perms", "01777", "--size", str(64 * 2**20), "--tmpfs", "/dev/shm"]
    masks = [m for m in _outermost(hide) if not _inside(m, ["/tmp", "/dev", "/proc"])]
    for mask in masks:
        argv += ["--size", str(2**20), "--perms", "0755", "--tmpfs", mask]
    for path in hide_files:
        if os.path.isfile(path) and not _inside(os.path.realpath(path), masks + ["/tmp"]):
            argv += ["--ro-bind", "/dev/null", os.path.realpath(path)]
    empty = masks + ["/tmp"]
    binds = [("--ro-bind", real) for real in dict.fromkeys(os.path.realpath(p) for p in expose)
             if os.path.exists(real) and _inside(real, empty)]
    binds += [("--bind", os.path.realpath(private_dir)), ("--bind", os.path.realpath(cwd))]
    made: set[str] = set(empty)
    for kind, real in binds:
        # bwrap would create the missing parents 0700: an unprivileged kernel could not
        # pass through them, so create them world-searchable first.
        parents = [str(p) for p in reversed(Path(real).parents) if _inside(str(p), empty)]
        for parent in parents:
            if parent not in made:
                argv += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        argv += [kind, real, real]
    for mask in masks:
        argv += ["--remount-ro", mask]
    argv += ["--chdir", cwd]
    if run_as is not None:
        argv += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP",
                 "--", shutil.which("setpriv") or "setpriv", f"--reuid={run_as}",
                 f"--regid={run_as}", "--clear-groups", "--inh-caps=-all",
                 "--bounding-set=-all", "--no-new-privs"]
    return prefix + argv + ["--", *cmd]


# --------------------------------------------------------------------------
# What to hide and what to show again
# --------------------------------------------------------------------------

def _sqlite_path(db_url: str) -> str | None:
    if db_url.startswith("sqlite:///"):
        path = db_url[len("sqlite:///"):].split("?", 1)[0]
        return path if path and path != ":memory:" else None
    return None


def _course_like(folder: Path) -> bool:
    return (folder / "nbgrader_config.py").is_file() and (folder / "solutions").is_dir()


def hidden_paths(root: Path, db_url: str) -> tuple[list[str], list[str], list[str]]:
    """``(hide, hide_files, expose)`` for a sandboxed kernel grading in course ``root``.

    Hidden: the course folder, the source checkout this package runs from
    (when it is a course too), home folders, ``/run`` (its Unix sockets
    reach services even without a network), ``/var/tmp``, the Jupyter
    runtime folder and the gradebook file. Shown again, read-only: this
    Python (venv and base installation, every ``sys.path`` folder that does
    not hold the course) and the ``ccexercise`` package with its data.
    """
    from jupyter_core.paths import jupyter_runtime_dir

    import ccexercise
    from ccexercise import datasets

    root = Path(root).resolve()
    package = Path(ccexercise.__file__).resolve().parent
    hide = [str(root)]
    if _course_like(package.parent):
        hide.append(str(package.parent))
    hide += ["/root", "/home", "/run", "/var/tmp", "/mnt", "/media", "/srv",
             str(Path(jupyter_runtime_dir()).resolve())]
    hide_files = []
    db_path = _sqlite_path(db_url)
    if db_path:
        hide_files += [db_path, db_path + "-journal", db_path + "-wal", db_path + "-shm"]
    course_folders = [os.path.realpath(h) for h in hide[:2]]
    expose = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
              str(Path(sys.executable).parent), str(package)]
    try:
        expose.append(str(datasets.data_dir().resolve()))
    except Exception:  # noqa: BLE001 - the kernel will say so itself
        pass
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        real = os.path.realpath(entry)
        # A folder that holds the course (an editable install's checkout) stays hidden;
        # the package inside it is exposed on its own above.
        if any(c == real or c.startswith(real.rstrip("/") + "/") for c in course_folders):
            continue
        expose.append(real)
    return hide, hide_files, list(dict.fromkeys(expose))


def _base_env() -> dict[str, str]:
    venv_bin = str(Path(sys.executable).parent)
    return {
        "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "IPYTHONDIR": "/tmp/ipython",
        "JUPYTER_CONFIG_DIR": "/tmp/jupyter",
        "JUPYTER_DATA_DIR": "/tmp/jupyter-data",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime",
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        **CAPPED_ENV,
    }


# --------------------------------------------------------------------------
# Probing and choosing
# --------------------------------------------------------------------------

_PROBE = r"""
import json, os, socket, sys
checks = {}
def attempt(name, action):
    try:
        action()
        checks[name] = "allowed"
    except BaseException as error:  # noqa
        checks[name] = type(error).__name__
for name, path in json.loads(sys.argv[1]).items():
    attempt(name, lambda path=path: open(path, "rb").read(1))
port = int(sys.argv[2])
attempt("network", lambda: socket.create_connection(("127.0.0.1", port), timeout=2).close())
attempt("write_outside", lambda: open(sys.argv[3], "w").write("x"))
open("probe-ok", "w").write("ok")
import ccexercise.grading  # noqa: E402  (the kernel must find the package and its Python)
checks["stdlib"] = os.__file__
print(json.dumps(checks))
"""


def _probe(argv_for, root: Path, db_url: str, workdir: Path) -> tuple[bool, str]:
    """Run the probe under the sandbox command ``argv_for(cmd, cwd, private)``; ``(ok, detail)``."""
    targets = {}
    db_path = _sqlite_path(db_url)
    if db_path and os.path.exists(db_path):
        targets["gradebook"] = db_path
    for notebook in sorted((root / "solutions").glob("*/*.ipynb"))[:1]:
        targets["solutions"] = str(notebook)
    targets["nbgrader_config"] = str(root / "nbgrader_config.py")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    cwd = workdir / "submission"
    private = Path(tempfile.mkdtemp(prefix="ccx", dir="/tmp"))
    cwd.mkdir(parents=True, exist_ok=True)
    outside = root / ".ccexercise-probe-write"
    try:
        for folder in (cwd, private):
            os.chmod(folder, 0o777)
        cmd = [sys.executable, "-c", _PROBE, json.dumps(targets), str(port), str(outside)]
        try:
            done = subprocess.run(argv_for(cmd, str(cwd), str(private)), capture_output=True,
                                  text=True, timeout=60, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as error:
            return False, f"could not start ({error})"
        if done.returncode != 0 or not done.stdout.strip():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return False, f"could not start ({last[:200]})"
        checks = json.loads(done.stdout.strip().splitlines()[-1])
        if checks.pop("stdlib", None) != os.__file__:
            return False, "the sandboxed Python could not see its own standard library"
        leaks = [name for name, result in checks.items() if result == "allowed"]
        if outside.exists():
            leaks.append("write_outside")
        if leaks:
            return False, f"the probe could still reach: {', '.join(sorted(set(leaks)))}"
        if not (cwd / "probe-ok").exists():
            return False, "the submission folder was not writable inside the sandbox"
        return True, "ok"
    finally:
        listener.close()
        shutil.rmtree(private, ignore_errors=True)
        try:
            outside.unlink()
        except OSError:
            pass


def choose_isolation(root: Path, db_url: str, memory_mb: int, *,
                     disabled: bool = False) -> Isolation:
    """The strongest isolation that really works here (see the module docs); probes once.

    ``disabled`` (``--no-sandbox``) skips the sandbox; the memory cap stays.
    """
    root = Path(root).resolve()
    cap = f"memory cap {memory_mb} MB" if memory_mb else "no memory cap"
    limited = {"mode": "limit", "memory_mb": int(memory_mb or 0)}
    if disabled:
        return Isolation("none", f"none (--no-sandbox given; {cap} only)", memory_mb, limited)
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return Isolation("none", f"none (bubblewrap not installed; {cap} only)", memory_mb,
                         limited)
    hide, hide_files, expose = hidden_paths(root, db_url)
    base = {"mode": "bubblewrap", "memory_mb": int(memory_mb or 0), "hide": hide,
            "hide_files": hide_files, "expose": expose, "env": _base_env(),
            "passthrough": list(PASSTHROUGH), "bwrap": bwrap}
    variants = []
    if os.geteuid() == 0 and shutil.which("setpriv"):
        variants.append(("nobody", dict(base, run_as=NOBODY)))
    variants.append(("namespace", base))
    failures = []
    with tempfile.TemporaryDirectory(prefix="ccx-probe-") as tmp:
        for name, config in variants:
            def argv_for(cmd, cwd, private, config=config):
                return bubblewrap_argv(
                    cmd, cwd=cwd, private_dir=private, memory_mb=config["memory_mb"],
                    hide=config["hide"], hide_files=config["hide_files"],
                    expose=config["expose"], env=config["env"], bwrap=config["bwrap"],
                    run_as=config.get("run_as"))
            ok, detail = _probe(argv_for, root, db_url, Path(tmp) / name)
            if ok:
                who = (f", runs as user nobody ({NOBODY})" if config.get("run_as") is not None
                       else ", runs as nobody in a user namespace")
                label = (f"bubblewrap (no network, course and home folders hidden, "
                         f"read-only system, {cap}{who})")
                return Isolation("bubblewrap", label, memory_mb, config)
            failures.append(detail)
    return Isolation("none", f"none (bubblewrap not permitted here: {failures[-1]}; {cap} only)",
                     memory_mb, limited)


# --------------------------------------------------------------------------
# Kernelspec
# --------------------------------------------------------------------------

def install_kernelspec(isolation: Isolation, folder: Path) -> str:
    """Write the grading kernelspec under ``folder/kernels``; return its name.

    Put ``folder`` on ``JUPYTER_PATH`` so jupyter_client finds it.
    """
    spec_dir = Path(folder) / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (ccexercise grading)",
        "language": "python",
        "interrupt_mode": "message",
        "metadata": {"debugger": False,
                     "kernel_provisioner": {"provisioner_name": PROVISIONER,
                                            "config": isolation.kernel_config}},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
    return KERNEL_NAME
