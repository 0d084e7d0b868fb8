"""Set a server up for the hub: Python packages, the proxy, users, the shared folders.

Everything here is idempotent: running ``ccexercise hub`` again keeps what
exists (users, their homes, the exchange and its submissions).

>>> learner_server_config()["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"]
False
>>> "@jupyter/nbgrader:formgrader" in learner_page_config()["disabledExtensions"]
True
"""

from __future__ import annotations

import grp
import importlib.util
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

from .settings import COURSE_FOLDER, HubSettings

__all__ = [
    "HUB_PACKAGES", "PROXY_PACKAGE", "create_users", "install_proxy", "missing_packages",
    "prepare", "reachable_by_all", "remove_users", "shared_python",
]

#: What ``pip install 'ccexercise[hub]'`` adds (keep in step with pyproject.toml).
HUB_PACKAGES = {"jupyterhub": "jupyterhub>=5.1", "jupyterhub_idle_culler": "jupyterhub-idle-culler>=1.2"}
PROXY_PACKAGE = "configurable-http-proxy@^4.6"
#: What learners get on first login (exercises arrive through nbgrader's Assignments tab).
LEARNER_PARTS = ("course", "data")
#: What the instructor gets: the whole course, with solutions and the nbgrader settings.
INSTRUCTOR_PARTS = ("course", "data", "exercises", "solutions", "nbgrader_config.py")
#: Folders of the course that hold answers or grades: made private to their owner.
PRIVATE_PARTS = ("solutions", "model_answers", "submitted", "autograded", "feedback",
                 "gradebook.db", ".ccexercise")


def missing_packages() -> list[str]:
    """The pip requirements of the hub that are not installed in this Python."""
    return [req for module, req in HUB_PACKAGES.items() if importlib.util.find_spec(module) is None]


def install_packages(requirements: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *requirements], check=True)


def install_proxy(node_dir: str | os.PathLike) -> Path:
    """configurable-http-proxy, installed with npm into ``node_dir`` if it is not there yet."""
    node_dir = Path(node_dir)
    command = node_dir / "node_modules" / ".bin" / "configurable-http-proxy"
    if command.exists():
        return command
    npm = shutil.which("npm")
    if not npm:
        raise FileNotFoundError("npm is not installed; the hub needs it once to install "
                                "configurable-http-proxy (Debian: apt-get install npm)")
    node_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(node_dir), "--no-audit", "--no-fund",
                    "--loglevel=error", PROXY_PACKAGE], check=True)
    if not command.exists():
        raise FileNotFoundError(f"npm ran but {command} is missing")
    return command


def reachable_by_all(path: str | os.PathLike) -> bool:
    """Whether any user may reach ``path``: every folder above it is world-searchable."""
    path = Path(os.path.realpath(path))
    return all(os.stat(p).st_mode & stat.S_IXOTH for p in [*reversed(path.parents)][1:]
               if p != path) and bool(os.stat(path).st_mode & stat.S_IROTH)


def _runtime_copy(dest: Path, version: str) -> Path:
    """A copy of this Python's interpreter and standard library (no packages) at ``dest``,
    usable by every user; returns its interpreter.

    A Python built with an absolute library path (pyenv: ``RUNPATH /root/.pyenv/.../lib``)
    would still look for ``libpython`` there; the copy's path is rewritten in place to
    ``$ORIGIN/../lib`` (shorter, so the binary keeps its layout).
    """
    base = Path(sys.base_prefix)
    python = dest / "bin" / f"python{version}"
    if python.exists():
        return python
    tmp = dest.with_name(dest.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "bin").mkdir(parents=True)
    shutil.copytree(base / "lib" / f"python{version}", tmp / "lib" / f"python{version}",
                    ignore=shutil.ignore_patterns("site-packages", "test", "idle_test"))
    for library in base.glob(f"lib/libpython{version}*.so*"):
        shutil.copy2(library, tmp / "lib" / library.name)
    binary = Path(os.path.realpath(sys._base_executable if hasattr(sys, "_base_executable")
                                   else sys.executable))
    data = binary.read_bytes()
    old, new = str(base / "lib").encode() + b"\0", b"$ORIGIN/../lib\0"
    if data.count(old) == 1 and len(new) <= len(old):
        data = data.replace(old, new + b"\0" * (len(old) - len(new)))
    (tmp / "bin" / python.name).write_bytes(data)
    subprocess.run(["chmod", "-R", "a+rX", str(tmp)], check=True)
    os.chmod(tmp / "bin" / python.name, 0o755)
    tmp.rename(dest)
    return python


def shared_python(target: str | os.PathLike) -> Path:
    """A Python interpreter every user may run, seeing this installation's packages.

    This Python, if everyone can reach it. Otherwise (a Python under ``/root``,
    as pyenv installs it) a small virtual environment at ``target``, made from a
    copy of this same Python (same version to the last digit: a system Python of
    another 3.x.y can differ, e.g. Debian's 3.11.2 mis-parses the regular
    expressions nbconvert's HTML export uses), reading this installation's
    site-packages, data and configuration. Command wrappers ``ccexercise``,
    ``nbgrader``, ``jupyter`` and ``alembic`` (which nbgrader runs) go in its ``bin/``.
    """
    target = Path(target)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    site = Path(sysconfig.get_paths()["purelib"])
    if reachable_by_all(sys.executable) and reachable_by_all(site):
        python = Path(sys.executable)
    else:
        if not reachable_by_all(site):
            raise ValueError(f"the kit's packages at {site} cannot be read by other users; "
                             f"install it in a virtual environment outside /root")
        base = _runtime_copy(target.with_name(target.name + "-runtime"), version)
        if not (target / "bin" / "python").exists():
            subprocess.run([str(base), "-m", "venv", "--without-pip", str(target)], check=True)
        own_site = target / "lib" / f"python{version}" / "site-packages"
        (own_site / "ccexercise-kit.pth").write_text(
            f"import site; site.addsitedir({str(site)!r})\n", encoding="utf-8")
        for name in ("share", "etc"):  # JupyterLab's files and the extensions' settings
            link, real = target / name, Path(sys.prefix) / name
            if real.is_dir() and not link.exists():
                link.symlink_to(real)
        python = target / "bin" / "python"
    bin_dir = target / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    for name, module in (("ccexercise", "ccexercise.cli"), ("nbgrader", "nbgrader"),
                         ("jupyter", "jupyter"), ("alembic", "alembic")):
        wrapper = bin_dir / name
        wrapper.write_text(f'#!/bin/sh\nexec "{python}" -m {module} "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
    for folder in (target, *target.parents):
        if folder == Path("/"):
            break
        if not reachable_by_all(folder):
            raise ValueError(f"{folder} is not readable by other users; put the hub's folder "
                             f"somewhere everyone can reach (e.g. /srv/ccexercise-hub)")
    return python


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def create_users(usernames) -> list[str]:
    """Create the missing system users (home folder private to them); return those created."""
    created = []
    for name in usernames:
        if not _user_exists(name):
            subprocess.run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash",
                            name], check=True, capture_output=True)
            created.append(name)
        home = pwd.getpwnam(name).pw_dir
        os.chmod(home, 0o700)
    return created


def remove_users(usernames) -> None:
    """Delete users and their home folders (tests and ``--remove-users``)."""
    for name in usernames:
        if _user_exists(name):
            subprocess.run(["userdel", "--remove", "--force", name], capture_output=True)
        try:
            grp.getgrnam(name)
            subprocess.run(["groupdel", name], capture_output=True)
        except KeyError:
            pass


def learner_server_config() -> dict:
    """Jupyter Server settings for learners: no Formgrader, no course list."""
    return {"ServerApp": {"jpserver_extensions": {
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.course_list": False}}}


def learner_page_config() -> dict:
    """JupyterLab settings for learners: the instructor's nbgrader panels are not shown,
    nor JupyterLab's news pop-up (a distraction in a room)."""
    return {"disabledExtensions": {name: True for name in (
        "@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
        "@jupyter/nbgrader:course-list", "@jupyterlab/apputils-extension:announcements")}}


def _nbgrader_config(settings: HubSettings, role: str) -> str:
    home = Path(pwd.getpwnam(settings.instructor).pw_dir) if role == "instructor" else None
    lines = ["# Written by `ccexercise hub`; rewritten on every start.", "import os",
             "c = get_config()  # noqa: F821",
             f"c.CourseDirectory.course_id = {settings.course_id!r}",
             f"c.Exchange.root = {settings.exchange!r}"]
    if role == "instructor":
        lines.append(f"c.CourseDirectory.root = {str(home / COURSE_FOLDER)!r}")
    else:
        lines += [f'c.Exchange.assignment_dir = os.path.expanduser("~/{COURSE_FOLDER}/exercises")',
                  'c.ExchangeFactory.submit = "ccexercise.hub.exchange.PrivateSubmit"']
    return "\n".join(lines) + "\n"


def _copy_tree(parts, course: Path, dest: Path, *, gid: int, dir_mode: int, file_mode: int):
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in parts:
        source = course / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns(
                ".ipynb_checkpoints", "__pycache__", ".*"))
        elif source.is_file():
            shutil.copy2(source, dest / part)
    for folder, dirs, files in os.walk(dest):
        os.chown(folder, 0, gid)
        os.chmod(folder, dir_mode)
        for name in files:
            os.chown(os.path.join(folder, name), 0, gid)
            os.chmod(os.path.join(folder, name), file_mode)


def prepare(settings: HubSettings) -> None:
    """Make the hub's folders: configs per role, staged course copies, the nbgrader exchange.

    Also makes the course's answers and grades (``solutions/`` ...) private to
    their owner, since every user can read the folder the kit is installed in.
    """
    course, state = Path(settings.course), Path(settings.state)
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o755)
    for part in PRIVATE_PARTS:
        if (course / part).exists():
            os.chmod(course / part, 0o700 if (course / part).is_dir() else 0o600)
    instructor = pwd.getpwnam(settings.instructor)
    for role in ("learner", "instructor"):
        folder = Path(settings.config_dir(role))
        (folder / "labconfig").mkdir(parents=True, exist_ok=True)
        (folder / "nbgrader_config.py").write_text(_nbgrader_config(settings, role))
        if role == "learner":
            (folder / "jupyter_server_config.json").write_text(json.dumps(learner_server_config()))
            (folder / "labconfig" / "page_config.json").write_text(json.dumps(learner_page_config()))
        for path in (folder.parent, folder, folder / "labconfig"):
            os.chmod(path, 0o755)
    _copy_tree(LEARNER_PARTS, course, Path(settings.staged("learner")), gid=0,
               dir_mode=0o755, file_mode=0o644)
    # Where the Assignments tab puts fetched exercises (and the course map links to).
    (Path(settings.staged("learner")) / "exercises").mkdir(mode=0o755)
    _copy_tree(INSTRUCTOR_PARTS, course, Path(settings.staged("instructor")),
               gid=instructor.pw_gid, dir_mode=0o750, file_mode=0o640)
    os.chmod(Path(settings.staged("learner")).parent, 0o755)
    # The exchange as nbgrader documents it: a root everyone may write to; the
    # course's folders owned by the instructor, inbound set-group-id and not listable.
    exchange = Path(settings.exchange)
    exchange.mkdir(exist_ok=True)
    os.chmod(exchange, 0o1777)
    course_dir = exchange / settings.course_id
    for path, mode in ((course_dir, 0o755), (course_dir / "outbound", 0o755),
                       (course_dir / "inbound", 0o2733), (course_dir / "feedback", 0o711)):
        path.mkdir(exist_ok=True)
        os.chown(path, instructor.pw_uid, instructor.pw_gid)
        os.chmod(path, mode)
