"""Driving a real `ccexercise hub` in tests: start/stop it, log users in through the REST
API, run commands as a hub user exactly as their server would, and clean up."""

from __future__ import annotations

import json
import os
import pwd
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import requests

REPO = Path(__file__).resolve().parents[2]


def in_own_thread(function, *args):
    """``function(*args)`` in a new thread, its exceptions raised here.

    The browser tests' session-wide Playwright runs an event loop in the main thread
    of whichever xdist worker they landed on; ``asyncio.run`` or a second sync
    Playwright there fails with "event loop is running". A new thread has no loop.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()
MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
_SOLUTION = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


class Hub:
    """`ccexercise hub` in its own process group, as a trainer starts it in a terminal."""

    def __init__(self, *, roster: Path, state: Path, port: int, password: str,
                 instructor_password: str, log: Path, room: str | None = None):
        self.argv = [sys.executable, "-m", "ccexercise.cli", "hub", "--roster", str(roster),
                     "--state", str(state), "--ip", "127.0.0.1", "--port", str(port),
                     "--password", password, "--instructor-password", instructor_password,
                     "--idle-timeout", "3600"] + (["--room", room] if room else [])
        self.port, self.log, self.state, self.process = port, log, state, None
        self.base = f"http://127.0.0.1:{port}/"

    def start(self, timeout: float = 600) -> str:
        """Start and wait until the address is printed and the hub answers through the proxy."""
        started = self.log.stat().st_size if self.log.exists() else 0
        out = self.log.open("ab")
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
        self.process = subprocess.Popen(self.argv, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=env,
                                        start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"ccexercise hub exited {self.process.returncode}:\n"
                                     f"{self.tail()}")
            printed = self.log.read_bytes()[started:].decode(errors="replace")
            if "Open this address" in printed:
                try:
                    if requests.get(self.base + "hub/api", timeout=5).status_code == 200:
                        return printed
                except requests.RequestException:
                    pass
            time.sleep(0.5)
        raise AssertionError(f"the hub did not come up within {timeout} s:\n{self.tail()}")

    def interrupt(self, timeout: float = 90) -> int:
        """Ctrl-C (SIGINT to the command) and wait for it to finish; return its exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
            raise AssertionError(f"ccexercise hub did not stop on Ctrl-C:\n{self.tail()}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(10)

    def tail(self, size: int = 6000) -> str:
        """The end of the command's output and of the hub's own log."""
        parts = [path.read_bytes()[-size:].decode(errors="replace")
                 for path in (self.log, self.state / "jupyterhub.log") if path.exists()]
        return "\n--- jupyterhub.log ---\n".join(parts)


def login(base: str, username: str, password: str) -> str:
    """Log in through the hub's login form; return a new API token of that user."""
    session = requests.Session()
    session.get(base + "hub/login", timeout=30).raise_for_status()
    xsrf = session.cookies.get("_xsrf")
    reply = session.post(base + "hub/login", allow_redirects=False, timeout=60,
                         data={"username": username, "password": password, "_xsrf": xsrf})
    if reply.status_code != 302 or "/hub/login" in reply.headers.get("Location", ""):
        raise PermissionError(f"login of {username} refused ({reply.status_code})")
    xsrf = session.cookies.get("_xsrf")   # a new one, bound to the logged-in session
    reply = session.post(base + f"hub/api/users/{username}/tokens", timeout=30,
                         headers={"X-XSRFToken": xsrf},
                         json={"note": "ccexercise hub test", "expires_in": 7200})
    reply.raise_for_status()
    return reply.json()["token"]


def api(base: str, token: str, method: str, path: str, **kwargs) -> requests.Response:
    headers = {"Authorization": f"token {token}", **kwargs.pop("headers", {})}
    kwargs.setdefault("allow_redirects", False)
    return requests.request(method, base + path, headers=headers, timeout=180, **kwargs)


def start_server(base: str, token: str, name: str, timeout: float = 180) -> None:
    reply = api(base, token, "POST", f"hub/api/users/{name}/server")
    assert reply.status_code in (201, 202, 400), (reply.status_code, reply.text)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        model = api(base, token, "GET", f"hub/api/users/{name}").json()
        server = (model.get("servers") or {}).get("")
        if server and server.get("ready"):
            return
        time.sleep(0.5)
    raise AssertionError(f"the server of {name} did not start within {timeout} s")


def start_servers(base: str, tokens: dict[str, str]) -> None:
    """Start several users' servers at once (each start takes 10-20 s of imports)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(tokens)) as pool:
        for future in [pool.submit(start_server, base, token, name)
                       for name, token in tokens.items()]:
            future.result()


def user_env(name: str, state: Path, role: str) -> dict[str, str]:
    """The environment the hub gives ``name``'s server (see jupyterhub_config.py)."""
    home = pwd.getpwnam(name).pw_dir
    return {"HOME": home, "USER": name, "LOGNAME": name, "LANG": "C.UTF-8",
            "PATH": f"{state}/python/bin:/usr/local/bin:/usr/bin:/bin",
            "JUPYTER_CONFIG_PATH": f"{state}/config/{role}", "MALLOC_ARENA_MAX": "2"}


def as_user(name: str, argv: list[str], *, state: Path, role: str, cwd: str | None = None,
            check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run ``argv`` as the system user ``name`` with the environment of their hub server."""
    user = pwd.getpwnam(name)
    result = subprocess.run(
        ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups", "--",
         *argv], cwd=cwd or user.pw_dir, env=user_env(name, state, role), capture_output=True,
        text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} as {name} exited {result.returncode}:\n"
                             f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result


_TRY = ("import os, sys\n"
        "try:\n"
        "    os.listdir(sys.argv[1]) if os.path.isdir(sys.argv[1]) else open(sys.argv[1], 'rb').read(1)\n"
        "    print('allowed')\n"
        "except OSError as error:\n"
        "    print(type(error).__name__)\n")


def can_read(name: str, path, *, state: Path) -> bool:
    """Whether user ``name`` may read the file (or list the folder) ``path``."""
    out = as_user(name, ["/usr/bin/python3", "-c", _TRY, str(path)], state=state,
                  role="learner").stdout.strip()
    return out == "allowed"


def processes_of(uids: set[int]) -> list[int]:
    """Pids of every running process owned by one of ``uids``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid in uids:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def environ_of(pid: int) -> dict[str, str]:
    """The environment a process was started with (``/proc/<pid>/environ``; root reads
    anyone's); empty if the process is gone."""
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    return dict(entry.split("=", 1) for entry in raw.decode(errors="replace").split("\0")
                if "=" in entry)


def limits_of(pid: int) -> dict:
    """The soft limits of a process as ``/proc/<pid>/limits`` names them, and its nice value."""
    limits = {}
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines()[1:]:
        name, soft = line[:26].strip(), line[26:47].strip()
        limits[name] = int(soft) if soft.isdigit() else soft
    limits["nice"] = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])
    return limits


# -- answers -------------------------------------------------------------------------------

def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def solution_notebook():
    return nbformat.read(REPO / "solutions" / MODULE / f"{NOTEBOOK}.ipynb", as_version=4)


def model_answers() -> dict[str, str]:
    """answer grade_id -> the model answer (solution without markers), code cells only."""
    return {_meta(c)["grade_id"]: "\n".join(line for line in c.source.split("\n")
                                             if not _SOLUTION.match(line))
            for c in solution_notebook().cells
            if _meta(c).get("solution") and c.cell_type == "code"}


def graded_points() -> dict[str, float]:
    """task name -> points of its autograded test cell (``test_<task>``)."""
    return {_meta(c)["grade_id"].removeprefix("test_"): float(_meta(c)["points"])
            for c in solution_notebook().cells
            if _meta(c).get("grade") and c.cell_type == "code"}


def answer_notebook(content: dict, answers: dict[str, str]) -> dict:
    """The released notebook ``content`` with the given answer cells replaced."""
    nb = json.loads(json.dumps(content))
    for cell in nb["cells"]:
        gid = _meta(cell).get("grade_id")
        if gid in answers:
            cell["source"] = answers[gid]
    return nb
