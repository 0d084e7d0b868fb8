"""Servers, a browser, and JupyterLab/Voila page steps for the real-browser tests.

Playwright is imported inside the functions that need it, so this module
(and the test modules importing it) loads even where Playwright is missing:
``conftest.py`` then skips the tests, or fails them in CI, saying what to
install.

Measured facts behind the choices here: /work/shared/notes/browser-testing.md
(wait for the status-bar kernel button, not the toolbar indicator; abort every
request that is not to this machine, or Voila's page stalls offline).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

from ccexercise import launch

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts" / "browser"
COURSE_PARTS = ("course", "exercises", "solutions", "data", "nbgrader_config.py")

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
# Every http(s) request that is not to this machine: aborted (see the module docstring).
NOT_LOCAL = re.compile(r"^https?://(?!(127\.0\.0\.1|localhost)(:\d+)?/)")

# Timeouts (ms). The machines are small and busy: starting a kernel can take a while.
KERNEL_TIMEOUT = 60_000
RUN_TIMEOUT = 120_000
UI_TIMEOUT = 30_000


def modules() -> list[str]:
    """The module slugs with a folder under course/ (``01_lost_customer_cost`` ...)."""
    return sorted(p.name for p in (REPO / "course").iterdir()
                  if p.is_dir() and p.name[:2].isdigit())


def pages(name: str) -> list[str]:
    """``course/<module>/<name>`` for every module that has one, relative to the repo."""
    return sorted(p.relative_to(REPO).as_posix() for p in REPO.glob(f"course/*/{name}"))


def module_of(page_path: str) -> str:
    return Path(page_path).parent.name


def safe_name(test_name: str) -> str:
    """A folder name for a test: ``test_lesson[course/01_x/lesson.ipynb]`` ->
    ``test_lesson-course_01_x_lesson.ipynb``."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name.replace("[", "-").rstrip("]"))
    return name.strip("_") or "test"


# -- servers ---------------------------------------------------------------------------

def isolated_env(home: Path) -> dict[str, str]:
    """This environment with HOME and every Jupyter settings/runtime folder under ``home``.

    JUPYTER_DATA_DIR/JUPYTER_PATH are left alone: the kernelspec and the lab
    extensions live in this environment's share/jupyter, which Jupyter always searches.
    """
    env = dict(os.environ)
    for var, sub in {"HOME": "", "JUPYTER_CONFIG_DIR": "jupyter-config",
                     "JUPYTER_RUNTIME_DIR": "jupyter-runtime", "IPYTHONDIR": "ipython",
                     "JUPYTERLAB_SETTINGS_DIR": "lab-settings",
                     "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces",
                     "MPLCONFIGDIR": "matplotlib", "XDG_CONFIG_HOME": ".config",
                     "XDG_CACHE_HOME": ".cache", "XDG_DATA_HOME": ".local/share"}.items():
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def copy_course(dest: Path) -> Path:
    """Copy the course (notebooks, exercises, solutions, data, nbgrader config) to ``dest``."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    dest.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, dest / part)
    return dest


class Server:
    """A JupyterLab or Voila server on a free port, in its own process group, logging to a
    file; ``url(path)`` builds addresses on it (with the token, if any)."""

    def __init__(self, name: str, argv: list[str], *, port: int, cwd: Path,
                 env: dict[str, str], log: Path, ready_path: str,
                 token: str | None = None) -> None:
        self.name, self.port, self.token, self.log_path = name, port, token, log
        self._log = log.open("w")
        self.started = time.monotonic()
        self.process = launch.ServerProcess(argv, cwd=cwd, env=env, log=self._log)
        self.ready_url = self.url(ready_path)

    def wait(self, timeout: float = 120) -> "Server":
        try:
            self.process.wait_until_answers(self.ready_url, timeout=timeout)
        except RuntimeError as error:
            raise RuntimeError(f"{self.name}: {error}\n--- log ---\n{self.log_tail()}") from None
        self.startup_seconds = time.monotonic() - self.started
        return self

    def url(self, path: str = "") -> str:
        base = f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"
        if self.token:
            base += ("&" if "?" in base else "?") + f"token={self.token}"
        return base

    def log_tail(self, chars: int = 4000) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-chars:]

    def log_since(self, offset: int) -> str:
        """What the server logged after ``offset`` bytes (``log_size()`` taken earlier)."""
        self._log.flush()
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    def log_size(self) -> int:
        self._log.flush()
        return self.log_path.stat().st_size

    def stop(self) -> None:
        self.process.stop(timeout=20)
        self._log.close()


#: What jupyter_client's port race leaves in a server's log: a new kernel's random TCP
#: port was taken by another process before the kernel bound it (jupyter/jupyter_client#154).
PORT_RACE = "Address already in use"


def open_page(page, server: Server, path: str) -> None:
    """Open ``path`` on ``server`` (Voila renders the page while its kernel runs the cells).

    Once, and only for jupyter_client's port race (:data:`PORT_RACE` in the server's log
    while the page loaded: the kernel died at start, the server restarted it, the page
    never finished), the page is opened again, as a trainer would reload it. Any other
    failure fails the test.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = server.log_size()
    try:
        page.goto(server.url(path))
    except PlaywrightTimeout:
        if PORT_RACE not in server.log_since(before):
            raise
        print(f"{server.name}: a kernel lost its port at start ({PORT_RACE}); reloading {path}")
        page.goto(server.url(path))


def start_lab(course: Path, home: Path, log: Path) -> Server:
    """JupyterLab serving ``course`` from ``course`` (so nbgrader's extensions find its
    nbgrader_config.py), with an nbgrader exchange folder and no news pop-up."""
    env = isolated_env(home)
    exchange = home / "exchange"
    exchange.mkdir(exist_ok=True)
    exchange.chmod(0o777)
    config = Path(env["JUPYTER_CONFIG_DIR"])
    (config / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\n")
    notification = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}\n')
    port, token = launch.free_port(), secrets.token_hex(16)
    argv = launch.lab_command(course, port=port, open_browser=False, token=token)
    return Server("JupyterLab", argv, port=port, cwd=course, env=env, log=log,
                  ready_path="api/status", token=token)


def start_voila(course: Path, home: Path, log: Path) -> Server:
    """Voila serving the ``course`` folder with the projector template ``ccexercise
    workshop`` uses; pages are at ``voila/render/<path>``."""
    env = launch.projector_env(launch.write_projector_template(home / "voila-data"),
                               isolated_env(home))
    port = launch.free_port()
    return Server("Voila", launch.voila_command(course, port=port), port=port, cwd=course,
                  env=env, log=log, ready_path="voila/static/voila.js")


def generate_assignments(course: Path, home: Path) -> subprocess.Popen:
    """Start ``nbgrader generate_assignment MODULE --force`` for every module, one after
    the other, in ``course`` (so the gradebook there knows them); returns the process."""
    script = "; ".join(
        f"subprocess.run([sys.executable, '-m', 'nbgrader', 'generate_assignment', {m!r}, "
        f"'--force'], check=True)" for m in modules())
    return subprocess.Popen([sys.executable, "-c", f"import subprocess, sys; {script}"],
                            cwd=course, env=isolated_env(home), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


# -- the browser ------------------------------------------------------------------------

def launch_browser(playwright, profile: Path):
    """Headless Debian Chromium with a fresh profile and home; nothing leaves the machine."""
    home = profile.parent / "browser-home"
    for sub in ("", ".config", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
        env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
             "XDG_CACHE_HOME": str(home / ".cache")},
        viewport={"width": 1280, "height": 900})
    context.route(NOT_LOCAL, lambda route: route.abort())
    context.set_default_timeout(UI_TIMEOUT)
    return context


# -- JupyterLab steps ------------------------------------------------------------------

def open_in_lab(page, lab: Server, path: str) -> None:
    """Open ``path`` in a fresh JupyterLab workspace (no tabs left from other tests)."""
    from playwright.sync_api import expect

    workspace = "t" + uuid.uuid4().hex[:10]
    page.goto(lab.url(f"lab/workspaces/{workspace}/tree/{path}"))
    expect(page.locator(".jp-NotebookPanel .jp-Cell").first).to_be_visible(timeout=UI_TIMEOUT)


def wait_for_kernel_idle(page) -> None:
    """The status-bar kernel button, not the toolbar indicator: that one says idle before
    a kernel is attached (then Run All only opens a "Select Kernel" dialog)."""
    from playwright.sync_api import expect

    expect(page.get_by_role("button", name=re.compile(r"Python 3 \(ipykernel\) \| Idle"))
           ).to_be_visible(timeout=KERNEL_TIMEOUT)


def lab_menu(page, menu: str, item: str | re.Pattern) -> None:
    """Click ``menu`` in JupyterLab's menu bar, then its entry ``item`` (a text the entry
    starts with, or a pattern)."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(menu)}$")).click()
    name = item if isinstance(item, re.Pattern) else re.compile(rf"^{re.escape(item)}")
    page.get_by_role("menuitem", name=name).first.click()


_ALL_CELLS_RUN = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return false;
    // A cell whose code is folded away shows a placeholder with an empty prompt: skip it
    // (the kernel going idle afterwards says it ran).
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea .jp-InputPrompt')];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


def run_all_cells(page) -> float:
    """Clear every output, Run All Cells, wait until each code cell has an execution count
    and the kernel is idle again; return the seconds it took."""
    from playwright.sync_api import expect

    lab_menu(page, "Edit", "Clear Outputs of All Cells")
    expect(page.locator(".jp-CodeCell .jp-InputPrompt", has_text=re.compile(r"\[\d+\]"))
           ).to_have_count(0)
    started = time.monotonic()
    lab_menu(page, "Run", "Run All Cells")
    page.wait_for_function(_ALL_CELLS_RUN, timeout=RUN_TIMEOUT, polling=250)
    wait_for_kernel_idle(page)
    return time.monotonic() - started


def error_outputs(page) -> list[str]:
    """The text of every error output (traceback) in the open notebook."""
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    return [text[:1500] for text in errors.all_inner_texts()]


_SOLUTION_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def write_answered(exercise: Path, solution: Path, dest: Path) -> Path:
    """``exercise`` with every answer cell replaced by the model answer from ``solution``
    (matched by nbgrader grade_id, solution markers removed): a learner who got it all
    right. Returns ``dest``."""
    import nbformat

    answers = {}
    for cell in nbformat.read(solution, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            answers[meta["grade_id"]] = "\n".join(
                line for line in cell.source.split("\n") if not _SOLUTION_MARKER.match(line))
    notebook = nbformat.read(exercise, as_version=4)
    filled = 0
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
            filled += 1
    assert filled, f"no answer cell of {exercise} matched one in {solution}"
    nbformat.write(notebook, dest)
    return dest


def shut_down_kernels(server: Server) -> None:
    """Stop every kernel on ``server`` (keeps the shared server light between tests)."""
    import json
    import urllib.request

    with urllib.request.urlopen(server.url("api/kernels"), timeout=10) as response:
        kernels = json.load(response)
    for kernel in kernels:
        request = urllib.request.Request(server.url(f"api/kernels/{kernel['id']}"),
                                         method="DELETE")
        try:
            urllib.request.urlopen(request, timeout=20).close()
        except OSError:
            pass


# -- the live room: `ccexercise workshop MODULE` as a trainer starts it ---------------------

class Workshop:
    """``python -m ccexercise.cli workshop MODULE`` on fixed ports, in its own process group,
    from ``course`` with its own HOME (``isolated_env``), its answers in ``session_dir``.

    The command starts two servers of its own (the room and Voila), each in a process
    group of its own: :meth:`stop` asks the command to stop (SIGTERM, as Ctrl-C does),
    which stops them, then ends whatever of the three is left.
    """

    def __init__(self, module: str, course: Path, home: Path, session_dir: Path,
                 log_dir: Path) -> None:
        self.module, self.course, self.home = module, course, home
        self.session_dir, self.log_dir = session_dir, log_dir
        self.room_port, self.port = launch.free_port(), launch.free_port()
        self.runs = 0
        self.process: launch.ServerProcess | None = None
        self._children: list[int] = []

    # addresses
    @property
    def projector_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?view=projector"

    @property
    def presenter_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?view=presenter"

    @property
    def join_url(self) -> str:
        return f"http://127.0.0.1:{self.room_port}/"

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"workshop-{self.module}-{self.runs}.log"

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def start(self) -> "Workshop":
        self.runs += 1
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("w")
        argv = [sys.executable, "-m", "ccexercise.cli", "workshop", self.module,
                "--room-host", "127.0.0.1", "--room-port", str(self.room_port),
                "--port", str(self.port), "--session-dir", str(self.session_dir)]
        self.started = time.monotonic()
        self.process = launch.ServerProcess(argv, cwd=self.course,
                                            env=isolated_env(self.home), log=self._log)
        return self

    def wait(self, timeout: float = 120) -> "Workshop":
        """Until Voila answers and the command has printed the addresses."""
        assert self.process is not None
        ready = f"http://127.0.0.1:{self.port}/voila/static/voila.js"
        deadline = time.monotonic() + timeout
        try:
            self.process.wait_until_answers(ready, timeout=timeout)
            while "?view=projector" not in self.output():
                if time.monotonic() > deadline or not self.process.running:
                    raise RuntimeError("the workshop command printed no address")
                time.sleep(0.1)
        except RuntimeError as error:
            raise RuntimeError(f"{self.module}: {error}\n--- output ---\n"
                               f"{self.output()[-4000:]}") from None
        self.startup_seconds = time.monotonic() - self.started
        self._children = [child.pid for child in self.children()]
        return self

    @property
    def join_code(self) -> str:
        found = re.search(r"with the code (\S+)", self.output())
        assert found, f"no join code in the workshop command's output:\n{self.output()}"
        return found.group(1)

    def children(self):
        """The command's processes (the room server and Voila, and Voila's kernels)."""
        import psutil

        try:
            return psutil.Process(self.process.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def room_process(self):
        """The room server's process (``python -m ccexercise.room ...``)."""
        rooms = [p for p in self.children() if "ccexercise.room" in " ".join(p.cmdline())]
        assert len(rooms) == 1, f"expected one room server, found {rooms}"
        return rooms[0]

    def stop(self) -> int | None:
        """SIGTERM the command (it stops its servers); then end whatever is left."""
        import psutil

        code = None
        if self.process is not None:
            code = self.process.stop(timeout=30)
        for pid in self._children:
            try:
                os.killpg(pid, 9)  # each server leads a process group of its own
            except (ProcessLookupError, PermissionError):
                pass
        self._children = []
        if getattr(self, "_log", None) is not None:
            self._log.close()
        self.process = None
        return code


def launch_chromium(playwright, home: Path):
    """Headless Debian Chromium (a Browser, for contexts of their own: phones, a laptop),
    its HOME under ``home``. Make contexts with :func:`local_context`."""
    for sub in ("", ".config", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
        env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
             "XDG_CACHE_HOME": str(home / ".cache")})


def local_context(browser, **options):
    """A new context of ``browser`` (``options``: a Playwright device profile, a viewport)
    in which every request that is not to this machine is aborted."""
    options = {k: v for k, v in options.items() if k != "default_browser_type"}
    context = browser.new_context(**options)
    context.route(NOT_LOCAL, lambda route: route.abort())
    context.set_default_timeout(UI_TIMEOUT)
    return context
