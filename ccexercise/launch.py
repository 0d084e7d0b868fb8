"""Start the course's servers: JupyterLab on the course map, Voila on a facilitator page.

The ``*_command`` functions only build argument lists (easy to test and to
read); :func:`serve` runs one of them in its own process group, waits until
the server answers, prints the address to open, and stops the whole group
cleanly on Ctrl-C, SIGTERM or SIGHUP (the terminal closing). The server's
own messages go to a log file (see :func:`log_path`), so the address is the
first thing a newcomer reads; the log's last lines are shown if the server
fails.

>>> from ccexercise._course import course_root
>>> argv = lab_command(course_root(), port=8888, open_browser=False, token="abc")
>>> argv[1:4]
['-m', 'jupyterlab', 'course/index.ipynb']
>>> f"--ServerApp.root_dir={course_root()}" in argv, "--no-browser" in argv
(True, True)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, Sequence

from ._course import modules

__all__ = [
    "PROJECTOR_TEMPLATE", "ServerProcess", "facilitator_page", "free_port", "lab_command",
    "lab_url", "log_path", "projector_env", "serve", "voila_command",
    "workshop_command", "write_projector_template",
]

HOST = "127.0.0.1"
#: The Voila template (written by :func:`write_projector_template`) for a projector.
PROJECTOR_TEMPLATE = "ccexercise-projector"
COURSE_INDEX = "course/index.ipynb"
FACILITATOR = "facilitator.ipynb"

# The projector look: dark text on white, large type.
_PROJECTOR_CSS = """
:root, body {
  --jp-layout-color0: #FFFFFF;
  --jp-layout-color1: #FFFFFF;
  --jp-content-font-color0: #000000;
  --jp-content-font-color1: #1A1A1A;
  --jp-ui-font-color0: #000000;
  --jp-ui-font-color1: #1A1A1A;
  --jp-content-font-size1: 22px;
  --jp-ui-font-size1: 18px;
  --jp-widgets-font-size: 18px;
  --jp-widgets-inline-height: 36px;
}
body { background: #FFFFFF; color: #1A1A1A; font-size: 22px; }
#rendered_cells { max-width: 1400px; margin: 0 auto; padding: 1em 2em 3em 2em; }
.jp-RenderedHTMLCommon, .jp-RenderedMarkdown { font-size: 22px; line-height: 1.5; color: #1A1A1A; }
.jp-RenderedHTMLCommon h1 { font-size: 2.2em; }
.jp-RenderedHTMLCommon h2 { font-size: 1.7em; }
.jp-RenderedText pre { font-size: 18px; }
/* Focus visible from the back of the room: a thick dark-blue ring (8.6:1 on white) on
   whatever the keyboard is on: buttons, sliders' handles, text boxes, scrolling boxes. */
:focus-visible, .noUi-handle:focus, .widget-readout:focus, #rendered_cells:focus-visible {
  outline: 4px solid #0B3D91 !important; outline-offset: 2px !important;
}
#rendered_cells:focus:not(:focus-visible) { outline: none; }
.cc-chart-table { border-collapse: collapse; margin: 0.5em 0; }
.cc-chart-table caption { font-weight: bold; text-align: left; padding-bottom: 0.3em; }
.cc-chart-table th, .cc-chart-table td { border: 1px solid #8C8C8C; padding: 0.2em 0.6em;
  text-align: right; }
.cc-chart-table th[scope=row] { text-align: left; }
"""

# Slider names and reachable scroll boxes (the same script JupyterLab gets from the kernel:
# ccexercise/widgets/static/accessibility.js), read as text: no widget import here.
_ACCESSIBILITY_JS = (Path(__file__).parent / "widgets" / "static" / "accessibility.js"
                     ).read_text(encoding="utf-8")

# A presentation clicker sends PageDown/PageUp (some send Left/Right): they press the
# step deck's Next/Back buttons (hidden on the projector view, still there). Keys typed
# into a text box or moving a slider are left alone.
_CLICKER_JS = """
document.addEventListener("keydown", function (event) {
  var next = ["PageDown", "ArrowRight"], back = ["PageUp", "ArrowLeft"];
  var which = next.indexOf(event.key) >= 0 ? ".cc-step-next" :
              back.indexOf(event.key) >= 0 ? ".cc-step-back" : null;
  if (!which || event.altKey || event.ctrlKey || event.metaKey) { return; }
  var focus = document.activeElement;
  if (focus && (focus.closest("input, textarea, select, [contenteditable], .noUi-handle,"
                              + " [role=slider], .widget-slider"))) { return; }
  var button = document.querySelector(which);
  if (button && !button.disabled) { event.preventDefault(); button.click(); }
});
"""

# Voila's "lab" template links Font Awesome from a CDN, and offline that request can
# stall the page before its widgets connect. This notebook_css block is the lab
# template's own without those two links (super.super() skips to nbconvert's block),
# plus the projector CSS. The icons still show: Voila bundles the font itself.
_PROJECTOR_INDEX = """{#- ccexercise projector template: Voila's "lab" look, larger, local only. -#}
{%- extends 'voila/templates/lab/index.html.j2' -%}
{% import "spinner.macro.html.j2" as spinner %}

{%- block notebook_css -%}
  {% if frontend == "voila" %}
    {{ resources.include_js("static/voila-style.js") }}
  {% endif %}
  {{ spinner.css() }}
  <style>
    .jp-mod-noOutputs.jp-mod-noInput { display: none; }
  </style>
  {{ super.super() }}
  <style>""" + _PROJECTOR_CSS + """  </style>
  <script>""" + _CLICKER_JS + """  </script>
  <script>""" + _ACCESSIBILITY_JS + """  </script>
{%- endblock notebook_css -%}
"""


def free_port(host: str = HOST) -> int:
    """A TCP port on ``host`` that nothing listens on right now.

    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _course_modules(root: Path) -> list[str]:
    found: set[str] = set()
    for folder in ("course", "solutions"):
        if (root / folder).is_dir():
            found.update(modules(root, folder=folder))
    return sorted(found)


def facilitator_page(root: str | os.PathLike, module: str) -> Path:
    """``course/<module>/facilitator.ipynb`` under ``root``, or a ValueError saying what exists.

    >>> from ccexercise._course import course_root
    >>> facilitator_page(course_root(), "99_nothing")
    Traceback (most recent call last):
        ...
    ValueError: no module '99_nothing' in this course; modules: 00_what_is_customer_focus, 01_lost_customer_cost...
    """
    root = Path(root)
    found = _course_modules(root)
    with_page = [m for m in found if (root / "course" / m / FACILITATOR).is_file()]
    module = str(module).strip().rstrip("/\\")
    if module not in found:
        raise ValueError(f"no module {module!r} in this course; modules: "
                         f"{', '.join(found) or '(none found under ' + str(root) + ')'}")
    page = root / "course" / module / FACILITATOR
    if not page.is_file():
        raise ValueError(f"module {module!r} has no facilitator page (course/{module}/"
                         f"{FACILITATOR}); modules with one: {', '.join(with_page) or '(none)'}")
    return page


def _allow_root() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def lab_command(root: str | os.PathLike, *, port: int | None = None,
                open_browser: bool = True, token: str | None = None) -> list[str]:
    """The argv that runs JupyterLab on the course map, to be run from ``root``.

    The server's root folder is the course folder, so the file browser shows
    ``course/``, ``exercises/`` and the rest, and nbgrader's Formgrader finds
    ``nbgrader_config.py``. ``port`` None lets JupyterLab choose.
    """
    root = Path(root).resolve()
    if not (root / COURSE_INDEX).is_file():
        raise ValueError(f"no course map at {root / COURSE_INDEX}; run this from the course "
                         "folder")
    argv = [sys.executable, "-m", "jupyterlab", COURSE_INDEX,
            f"--ServerApp.root_dir={root}", f"--ServerApp.ip={HOST}"]
    if port is not None:
        argv += [f"--ServerApp.port={int(port)}", "--ServerApp.port_retries=0"]
    if token is not None:
        argv.append(f"--IdentityProvider.token={token}")
    if not open_browser:
        argv.append("--no-browser")
    return argv + _allow_root()


def lab_url(port: int, token: str | None = None, path: str = "lab/tree/" + COURSE_INDEX) -> str:
    """The address of the course map on a local JupyterLab.

    >>> lab_url(8888, "abc")
    'http://127.0.0.1:8888/lab/tree/course/index.ipynb?token=abc'
    """
    return f"http://{HOST}:{port}/{path}" + (f"?token={token}" if token else "")


def voila_command(target: str | os.PathLike, *, port: int,
                  template: str | None = PROJECTOR_TEMPLATE) -> list[str]:
    """The argv that serves ``target`` (a notebook, or a folder of them) with Voila.

    Light theme, no code cells, no browser opened, listening on 127.0.0.1 only.
    Errors show their message (a broken run sheet lists every mistake with its line),
    not only Voila's "There was an error when executing cell".
    The projector template must be findable: run with :func:`projector_env`.
    """
    argv = [sys.executable, "-c", "import sys; from voila.app import main; sys.exit(main())",
            str(target), f"--port={int(port)}", "--Voila.port_retries=0", f"--Voila.ip={HOST}",
            "--no-browser", "--theme=light", "--strip_sources=True",
            "--show_tracebacks=True"]
    if template:
        argv.append(f"--template={template}")
    return argv


def workshop_command(root: str | os.PathLike, module: str, *, port: int) -> list[str]:
    """The argv that presents ``module``'s facilitator page with Voila on ``port``.

    >>> from ccexercise._course import course_root
    >>> argv = workshop_command(course_root(), "01_lost_customer_cost", port=8866)
    >>> argv[3].endswith("course/01_lost_customer_cost/facilitator.ipynb")
    True
    >>> [a for a in argv if a.startswith("--") and "port_retries" not in a]
    ['--port=8866', '--Voila.ip=127.0.0.1', '--no-browser', '--theme=light',
     '--strip_sources=True', '--show_tracebacks=True', '--template=ccexercise-projector']
    """
    return voila_command(facilitator_page(root, module).resolve(), port=port)


def write_projector_template(data_dir: str | os.PathLike) -> Path:
    """Write the projector template under ``data_dir/voila/templates/``; return ``data_dir``.

    ``data_dir`` then works as an entry of ``JUPYTER_PATH`` (see :func:`projector_env`).
    Beside it goes an IPython profile whose kernels report an error as its message
    alone, without the Python frames, which mean nothing to a room.
    """
    data_dir = Path(data_dir)
    profile = data_dir / "ipython" / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(
        'c = get_config()  # noqa: F821\nc.InteractiveShell.xmode = "Minimal"\n',
        encoding="utf-8")
    folder = data_dir / "voila" / "templates" / PROJECTOR_TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.json").write_text('{"base_template": "lab"}\n', encoding="utf-8")
    (folder / "index.html.j2").write_text(_PROJECTOR_INDEX, encoding="utf-8")
    return data_dir


def projector_env(data_dir: str | os.PathLike, env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) with ``data_dir`` first on ``JUPYTER_PATH``, and
    its IPython profile (see :func:`write_projector_template`) as ``IPYTHONDIR``."""
    env = dict(os.environ if env is None else env)
    env["IPYTHONDIR"] = str(Path(data_dir) / "ipython")
    old = env.get("JUPYTER_PATH")
    env["JUPYTER_PATH"] = str(data_dir) + (os.pathsep + old if old else "")
    return env


def log_path(kind: str, port: int) -> Path:
    """Where the server's own messages go: ``ccexercise-<kind>-<port>.log`` in Jupyter's
    runtime folder (``jupyter --runtime-dir``), beside the servers' other files.

    >>> log_path("lab", 8888).name
    'ccexercise-lab-8888.log'
    """
    from jupyter_core.paths import jupyter_runtime_dir

    folder = Path(jupyter_runtime_dir())
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"ccexercise-{kind}-{int(port)}.log"


def _tail(path: Path, lines: int = 20) -> str:
    """The last ``lines`` lines of the text file at ``path`` ('' if it cannot be read)."""
    try:
        return "".join(path.read_text(encoding="utf-8", errors="replace")
                       .splitlines(keepends=True)[-lines:])
    except OSError:
        return ""


def _answers(url: str, timeout: float = 2.0) -> bool:
    """Whether an HTTP server answers at ``url`` (any status, 403 and 404 included)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return True
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False


class ServerProcess:
    """A server started in its own process group; :meth:`stop` ends that group.

    ``log`` receives the server's output (default: this process's stderr).
    """

    def __init__(self, argv: Sequence[str], *, cwd: str | os.PathLike | None = None,
                 env: dict[str, str] | None = None, log: IO | int | None = None) -> None:
        self.argv = list(argv)
        self.process = subprocess.Popen(
            self.argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
            stdout=log if log is not None else sys.stderr, stderr=subprocess.STDOUT,
            start_new_session=True)
        self.pgid = self.process.pid  # a new session: the group id is the leader's pid

    def wait_until_answers(self, url: str, *, timeout: float = 120.0,
                           cancelled: threading.Event | None = None) -> bool:
        """Poll ``url`` until the server answers (True); False if cancelled.

        Raises RuntimeError if the server exits first or ``timeout`` seconds pass.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cancelled is not None and cancelled.is_set():
                return False
            code = self.process.poll()
            if code is not None:
                raise RuntimeError(f"the server stopped (exit code {code}) before it answered "
                                   f"at {url}")
            if _answers(url, timeout=min(2.0, max(0.1, deadline - time.monotonic()))):
                return True
            if cancelled is not None:
                cancelled.wait(0.2)
            else:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not answer at {url} within {timeout:g} s")

    def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM the process group, wait up to ``timeout`` s for the server to finish,
        then SIGKILL whatever is left of the group.

        Returns the server's exit code (negative: ended by that signal).
        """
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.pgid, sig)
            except (ProcessLookupError, PermissionError):
                pass
            if sig == signal.SIGTERM:
                try:
                    self.process.wait(timeout)
                except subprocess.TimeoutExpired:
                    pass
        return self.process.wait(5.0)

    @property
    def running(self) -> bool:
        """Whether the server process itself is still running."""
        return self.process.poll() is None


def serve(argv: Sequence[str], *, ready_url: str, open_url: str, what: str,
          cwd: str | os.PathLike | None = None, env: dict[str, str] | None = None,
          startup_timeout: float = 180.0, log: str | os.PathLike | None = None,
          companions: Sequence[tuple[str, ServerProcess]] = ()) -> int:
    """Run a server until Ctrl-C, SIGTERM or SIGHUP; print ``open_url`` once ``ready_url``
    answers. ``what`` names the server in messages ("JupyterLab with the course").

    The server's output goes to the file ``log`` (replaced if it exists), and the
    address printed says where; if the server stops before or after answering, the
    log's last lines are printed. With ``log=None`` the output goes to stderr.
    The server runs in its own process group (so Ctrl-C in the terminal reaches only
    this process), and that whole group is stopped on the way out, whatever happens.
    Returns 0 when stopped by a signal, else the server's own (non-zero) exit code.
    ``companions`` are ``(name, server)`` pairs already started (the room server beside
    a facilitator page): watched the same way and stopped with the server.
    """
    stop_asked = threading.Event()

    def ask_to_stop(_signum, _frame) -> None:
        stop_asked.set()

    def show_log_tail() -> None:
        if log is not None:
            print(f"The last lines of the server's log ({log}):\n{_tail(Path(log))}",
                  file=sys.stderr, flush=True)

    signals = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP")
                                                  else [])
    old_handlers = {sig: signal.signal(sig, ask_to_stop) for sig in signals}
    server = None
    log_file = open(log, "w", encoding="utf-8") if log is not None else None
    try:
        print(f"Starting {what} ...", file=sys.stderr, flush=True)
        server = ServerProcess(argv, cwd=cwd, env=env, log=log_file)
        try:
            ready = server.wait_until_answers(ready_url, timeout=startup_timeout,
                                              cancelled=stop_asked)
        except RuntimeError as error:
            print(f"ccexercise: {error}", file=sys.stderr, flush=True)
            show_log_tail()
            return server.process.returncode or 1
        if ready:
            kept = f" The server's log is in {log}" if log is not None else ""
            print(f"{what[:1].upper()}{what[1:]} is ready. Open this address in your "
                  f"browser:\n\n    {open_url}\n\nPress Ctrl-C to stop.{kept}", flush=True)
        while not stop_asked.is_set():
            for name, companion in companions:
                if companion.process.poll() is not None:
                    print(f"ccexercise: {name} stopped by itself (exit code "
                          f"{companion.process.returncode}); stopping {what} too",
                          file=sys.stderr, flush=True)
                    return companion.process.returncode or 1
            if server.process.poll() is not None:
                code = server.process.returncode
                print(f"ccexercise: the server stopped by itself (exit code {code})",
                      file=sys.stderr, flush=True)
                show_log_tail()
                return code or 1
            stop_asked.wait(0.5)
        print(f"Stopping {what} ...", file=sys.stderr, flush=True)
        return 0
    finally:
        if server is not None:
            server.stop()
        for _name, companion in companions:
            companion.stop()
        if log_file is not None:
            log_file.close()
        for sig, handler in old_handlers.items():
            signal.signal(sig, handler)
