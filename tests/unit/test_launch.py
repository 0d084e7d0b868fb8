"""`ccexercise lab` and `ccexercise workshop`: argument lists, errors, and real runs.

The real runs start the command as a learner or trainer would, read the
address it prints, fetch the page, press Ctrl-C (SIGINT) and check that the
command exits 0 and the server is gone. The root conftest already points
HOME and the Jupyter folders at a throw-away folder.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from ccexercise import launch
from ccexercise._course import course_root
from ccexercise.cli import main

ROOT = course_root(Path(__file__).parent)
MODULE = "01_lost_customer_cost"
URL_LINE = re.compile(r"(http://127\.0\.0\.1:(\d+)/\S*)")


# -- argument lists -------------------------------------------------------------------

def test_free_port_can_be_listened_on():
    port = launch.free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_lab_command_opens_the_course_map_from_the_course_folder(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    argv = launch.lab_command(ROOT, port=8123, open_browser=False, token="t0k")
    assert argv[:4] == [sys.executable, "-m", "jupyterlab", "course/index.ipynb"]
    assert f"--ServerApp.root_dir={ROOT}" in argv
    assert "--ServerApp.ip=127.0.0.1" in argv
    assert "--ServerApp.port=8123" in argv and "--ServerApp.port_retries=0" in argv
    assert "--IdentityProvider.token=t0k" in argv
    assert "--no-browser" in argv
    assert "--allow-root" not in argv


def test_lab_command_defaults_open_a_browser_and_let_jupyter_pick_the_port(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    argv = launch.lab_command(ROOT)
    assert "--no-browser" not in argv
    assert not any(a.startswith("--ServerApp.port") for a in argv)
    assert not any("token" in a for a in argv)


def test_lab_command_allows_root_only_as_root(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert "--allow-root" in launch.lab_command(ROOT)


def test_lab_command_needs_a_course_map(tmp_path):
    with pytest.raises(ValueError, match="no course map"):
        launch.lab_command(tmp_path)


def test_workshop_command_serves_the_facilitator_page_for_a_projector():
    argv = launch.workshop_command(ROOT, MODULE, port=8124)
    assert argv[0] == sys.executable
    assert Path(argv[3]) == (ROOT / "course" / MODULE / "facilitator.ipynb").resolve()
    for flag in ("--port=8124", "--no-browser", "--theme=light", "--strip_sources=True",
                 "--Voila.ip=127.0.0.1", f"--template={launch.PROJECTOR_TEMPLATE}"):
        assert flag in argv


def test_workshop_command_accepts_a_folder_name_with_a_trailing_slash():
    argv = launch.workshop_command(ROOT, MODULE + "/", port=8124)
    assert argv[3].endswith("facilitator.ipynb")


def test_unknown_module_lists_the_modules_found():
    with pytest.raises(ValueError, match=r"no module '02_nope' in this course; modules: "
                                          rf"00_what_is_customer_focus, {MODULE}"):
        launch.workshop_command(ROOT, "02_nope", port=8124)


def _small_course(tmp_path: Path) -> Path:
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    for module in ("01_with_page", "02_without_page"):
        (tmp_path / "solutions" / module).mkdir(parents=True)
        (tmp_path / "course" / module).mkdir(parents=True)
        (tmp_path / "course" / module / "lesson.ipynb").write_text("{}")
    (tmp_path / "course" / "01_with_page" / "facilitator.ipynb").write_text("{}")
    return tmp_path


def test_module_without_a_facilitator_page_says_which_have_one(tmp_path):
    root = _small_course(tmp_path)
    with pytest.raises(ValueError, match=r"module '02_without_page' has no facilitator page "
                                         r"\(course/02_without_page/facilitator.ipynb\); "
                                         r"modules with one: 01_with_page"):
        launch.workshop_command(root, "02_without_page", port=8124)
    assert launch.facilitator_page(root, "01_with_page").name == "facilitator.ipynb"


def test_cli_reports_a_bad_module_without_starting_anything(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["workshop", "99_nothing"]) == 2
    err = capsys.readouterr().err
    assert "ccexercise workshop: no module '99_nothing'" in err
    assert MODULE in err


def test_projector_template_is_local_and_found_through_jupyter_path(tmp_path):
    data_dir = launch.write_projector_template(tmp_path)
    folder = data_dir / "voila" / "templates" / launch.PROJECTOR_TEMPLATE
    index = (folder / "index.html.j2").read_text()
    assert '"base_template": "lab"' in (folder / "conf.json").read_text()
    assert "http" not in index  # nothing from a CDN
    assert "font-size" in index and "#FFFFFF" in index
    env = launch.projector_env(data_dir, {"JUPYTER_PATH": "/elsewhere"})
    assert env["JUPYTER_PATH"] == f"{data_dir}{os.pathsep}/elsewhere"
    assert launch.projector_env(data_dir, {})["JUPYTER_PATH"] == str(data_dir)
    profile = Path(env["IPYTHONDIR"]) / "profile_default" / "ipython_kernel_config.py"
    assert 'c.InteractiveShell.xmode = "Minimal"' in profile.read_text()


# -- running for real ------------------------------------------------------------------

class Command:
    """``python -m ccexercise.cli ARGS`` (or ``argv``) in the course folder, its output read
    line by line in the background: stdout and stderr together, as a terminal shows them.
    ``log`` is where the test keeps what it read."""

    def __init__(self, args: list[str], log: Path, *, argv: list[str] | None = None) -> None:
        self.log = log.open("w")
        self.process = subprocess.Popen(
            argv or [sys.executable, "-m", "ccexercise.cli", *args], cwd=ROOT,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)
            self.log.write(line)
            self.log.flush()

    def url(self, timeout: float = 180) -> tuple[str, int]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines:
                if found := URL_LINE.search(line):
                    return found.group(1), int(found.group(2))
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(f"no address printed; output: {''.join(self.lines)!r}")

    def close(self) -> None:
        if self.process.poll() is None:  # the test failed half-way: stop it all the same
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._reader.join(10)
        self.log.close()


def _port_is_closed(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _stop_with(command: Command, sig: int, port: int) -> None:
    started = time.monotonic()
    command.process.send_signal(sig)
    assert command.process.wait(30) == 0, "".join(command.lines)[-3000:]
    assert time.monotonic() - started < 20
    assert _port_is_closed(port)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        assert response.status == 200
        return response.read().decode()


#: What the servers' own logs look like: none of it belongs in the terminal.
SERVER_NOISE = ("DeprecationWarning", "ServerApp.token", "ServerApp]", "LabApp]", "[Voila]",
                "Voilà is running", "IPKernelApp", "[I ", "[W ", "[C ")


def _link_first_and_log_kept(command: Command, url: str, kind: str, port: int,
                             logged: str) -> None:
    """The address is among the first lines printed, no server log line is, and the
    server's log is in the file the command names (holding ``logged``)."""
    shown = list(command.lines)
    link_at = next(i for i, line in enumerate(shown) if url in line)
    assert link_at < 6, shown
    assert [n for n in SERVER_NOISE if n in "".join(shown)] == [], shown
    named = re.search(r"The server's log is in (\S+)", "".join(shown))
    assert named, shown
    log = Path(named.group(1))
    assert log == launch.log_path(kind, port)
    assert logged in log.read_text()


@pytest.mark.notebook
def test_workshop_serves_the_facilitator_page_and_stops_on_ctrl_c(tmp_path):
    """The link comes first, Voila's log goes to a file, the room's join address and code
    are printed (never its secret), Ctrl-C stops it all, the room too."""
    command = Command(["workshop", MODULE, "--room-host", "127.0.0.1", "--session-dir",
                       str(tmp_path / "sessions")], tmp_path / "workshop.log")
    try:
        url, port = command.url()
        _link_first_and_log_kept(command, url, "workshop", port, "Voilà is running at")
        assert url == f"http://127.0.0.1:{port}/?view=projector"
        printed = "".join(command.lines)
        assert f"http://127.0.0.1:{port}/?view=presenter" in printed
        joined = re.search(r"Phones join at http://127\.0\.0\.1:(\d+)/ with the code "
                           r"([A-Z]{4})", printed)
        assert joined, printed
        room_port = int(joined.group(1))
        from ccexercise.room import RoomStore

        [store_file] = (tmp_path / "sessions").glob("room-*.sqlite")
        with RoomStore(store_file) as store:
            assert store.join_code == joined.group(2) and store.secret not in printed
        assert "Join" in _get(f"http://127.0.0.1:{room_port}/")
        html = _get(url)
        assert "application/vnd.jupyter.widget-view+json" in html  # the page's views
        assert "cc.widgets.FacilitatorPage" not in html and "import ccexercise" not in html
        assert f"/voila/templates/{launch.PROJECTOR_TEMPLATE}/" in html
        assert "cdn.jsdelivr.net" not in html
        assert "Press Ctrl-C to stop" in "".join(command.lines)
        _stop_with(command, signal.SIGINT, port)
        assert _port_is_closed(room_port)
        command.close()
        assert [n for n in SERVER_NOISE if n in "".join(command.lines)] == []
    finally:
        command.close()


@pytest.mark.notebook
def test_lab_serves_jupyterlab_and_stops_on_ctrl_c(tmp_path):
    """The link comes first (no server log, no ServerApp.token warning), the server's
    log goes to a file, Ctrl-C stops it all."""
    command = Command(["lab", "--no-browser"], tmp_path / "lab.log")
    try:
        url, port = command.url()
        assert "/lab/tree/course/index.ipynb?token=" in url
        _link_first_and_log_kept(command, url, "lab", port, "Jupyter Server")
        token = url.split("token=")[1]
        assert "JupyterLab" in _get(f"http://127.0.0.1:{port}/lab?token={token}")
        _stop_with(command, signal.SIGINT, port)
        command.close()
        assert [n for n in SERVER_NOISE if n in "".join(command.lines)] == []
        assert "403 GET" not in launch.log_path("lab", port).read_text()  # the probe has the token
    finally:
        command.close()


def _gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie waiting for init to reap it counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_serve_stops_the_whole_process_group_on_a_signal(tmp_path, sig):
    """The server's own children go too, and the command still exits 0."""
    port = launch.free_port()
    child_pid = tmp_path / "child.pid"
    server = textwrap.dedent(f"""
        import subprocess, sys, http.server
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        open({str(child_pid)!r}, "w").write(str(child.pid))
        http.server.HTTPServer(("127.0.0.1", {port}),
                               http.server.SimpleHTTPRequestHandler).serve_forever()
    """)
    server_log = tmp_path / "server.log"
    runner = textwrap.dedent(f"""
        import sys
        from ccexercise.launch import serve
        sys.exit(serve([sys.executable, "-c", {server!r}], ready_url="http://127.0.0.1:{port}/",
                       open_url="http://127.0.0.1:{port}/", what="A test server",
                       log={str(server_log)!r}))
    """)
    command = Command([], tmp_path / "serve.log", argv=[sys.executable, "-c", runner])
    try:
        assert command.url(timeout=60)[1] == port
        pid = int(child_pid.read_text())
        _stop_with(command, sig, port)
        deadline = time.monotonic() + 5
        while not _gone(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(pid)
        command.close()
        assert f"The server's log is in {server_log}" in "".join(command.lines)
        assert '"GET / HTTP/1.1"' in server_log.read_text()  # http.server logs the probe there
        assert "GET /" not in "".join(command.lines)
    finally:
        command.close()


def test_serve_shows_the_log_tail_when_the_server_fails(tmp_path, capsys):
    """A server that stops before it answers: its last words are printed, with the log's place."""
    log = tmp_path / "server.log"
    server = "import sys; print('loading the course'); sys.exit('port 1 is not allowed here')"
    code = launch.serve([sys.executable, "-c", server], ready_url="http://127.0.0.1:9/",
                        open_url="http://127.0.0.1:9/", what="a failing server", log=log,
                        startup_timeout=60)
    assert code == 1
    err = capsys.readouterr().err
    assert f"The last lines of the server's log ({log}):" in err
    assert "loading the course" in err and "port 1 is not allowed here" in err
    assert "port 1 is not allowed here" in log.read_text()
