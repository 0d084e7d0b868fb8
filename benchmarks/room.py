"""Benchmark: the live room with 200 phones, against the targets a trainer needs.

The room server runs as its own process (``python -m ccexercise.room`` on
127.0.0.1, a throw-away session folder), as in a workshop. Each simulated
phone is a thread with its own keep-alive HTTP connection (``http.client``),
doing what a phone does: join with the code, fetch ``/api/now``, vote, then
change its vote. Two scenarios, each with 200 new phones on its own question:

* **room**: phones arrive spread over 5 s (people read the question, then
  tap) and change their vote 0.5-2 s later;
* **burst**: all 200 phones are released at once by a barrier and change
  their vote straight away: the worst case, 600 requests in a heap.

Printed per scenario: answers acknowledged per second (the 400 answer
POSTs over the time from the first to the last acknowledgement), p50 and p95
of the time from sending an answer to its 200, the lag between the last
acknowledgement and the moment a control long-poll (what the projector
widget uses) shows the final counts, any refused request, and whether
every acknowledged answer is in the SQLite file (opened read-only
afterwards). Then the server's resident memory (``VmRSS`` and its peak
``VmHWM`` from ``/proc/<pid>/status``).

All phones come from 127.0.0.1, like a room behind one Wi-Fi address: the
server's per-address limit (100 requests/s, bursts of 1000) is sized so a
room of 200 phones joining and voting twice within seconds is never refused;
the per-phone limit (5/s, bursts of 10) is untouched by one phone's three
requests. Targets (printed, never asserted): 200 phones, nothing lost, p95
<= 100 ms, projector up to date within 1 s.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from ._common import REPO, BenchmarkFailed, heading, milliseconds, percentile, table

PHONES = 200
HOST = "127.0.0.1"
SEED = 16

SHEET = """# Run sheet: Room benchmark

## Ratings (5 min)

Rate the visit.

Poll rating 0-10 [room]: As this customer, how much would you want to come back?
Poll rating 0-10 [burst]: And now, all at once?
"""

def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class _Connection:
    """One phone's (or the projector's) keep-alive connection."""

    def __init__(self, port: int, headers: dict | None = None) -> None:
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)
        self.headers = dict(headers or {})

    def send(self, method: str, path: str, body=None) -> tuple[int, dict, dict]:
        headers = dict(self.headers)
        data = None if body is None else json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        payload = json.loads(response.read() or b"{}")
        return response.status, dict(response.getheaders()), payload

    def close(self) -> None:
        self.connection.close()


def _phone(port, code, question, votes, start, pause, barrier, out, errors) -> None:
    phone = _Connection(port)
    try:
        if barrier is not None:
            barrier.wait()
        else:
            time.sleep(max(0.0, start - time.perf_counter()))
        status, headers, reply = phone.send("POST", "/api/join", {"code": code})
        if status != 200:
            errors.append(f"join {status} {reply}")
            return
        phone.headers["Cookie"] = headers["Set-Cookie"].split(";")[0]
        status, _, now = phone.send("GET", "/api/now")
        if status != 200 or question not in [q["id"] for q in now["questions"]]:
            errors.append(f"now {status}")
            return
        for n, vote in enumerate(votes):
            if n:
                time.sleep(pause)
            sent = time.perf_counter()
            status, _, reply = phone.send("POST", "/api/answer",
                                          {"question": question, "value": vote})
            done = time.perf_counter()
            if status != 200:
                errors.append(f"answer {status} {reply}")
                return
            out.append((sent, done, reply["value"]))
    except Exception as error:  # a phone that fails is reported, never hidden
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        phone.close()


def _projector(port, secret, question, expected: dict, stop, seen) -> None:
    """Long-poll the control state as the projector widget does; note when the question's
    counts first equal ``expected``."""
    control = _Connection(port, {"X-Room-Secret": secret})
    since = None
    try:
        while not stop.is_set():
            path = "/api/control/state" + ("" if since is None else f"?since={since}")
            status, _, state = control.send("GET", path)
            if status != 200:
                seen["error"] = f"control state {status}"
                return
            since = state["version"]
            item = [q for q in state["questions"] if q["question"]["id"] == question][0]
            counts = {k: v for k, v in item["results"]["counts"].items() if v}
            if item["results"]["count"] == PHONES and counts == expected:
                seen["at"] = time.perf_counter()
                return
    finally:
        control.close()


def _scenario(port, code, secret, question, *, burst: bool, rng: random.Random) -> dict:
    control = _Connection(port, {"X-Room-Secret": secret})
    control.send("POST", "/api/control/question", {"question": question, "action": "open"})
    control.close()
    votes = [(rng.randrange(11), rng.randrange(11)) for _ in range(PHONES)]
    expected = {str(k): v for k, v in Counter(second for _, second in votes).items()}
    acks: list = []
    errors: list = []
    seen: dict = {}
    stop = threading.Event()
    watcher = threading.Thread(target=_projector,
                               args=(port, secret, question, expected, stop, seen))
    watcher.start()
    barrier = threading.Barrier(PHONES) if burst else None
    begin = time.perf_counter() + 0.5
    phones = [threading.Thread(target=_phone, args=(
        port, code, question, pair, begin + (0 if burst else rng.uniform(0, 5)),
        0 if burst else rng.uniform(0.5, 2.0), barrier, acks, errors)) for pair in votes]
    for thread in phones:
        thread.start()
    for thread in phones:
        thread.join()
    watcher.join(timeout=15)
    stop.set()
    if errors:
        raise BenchmarkFailed(f"{len(errors)} phone requests failed in the {question} "
                              f"scenario, e.g. {errors[0]}")
    if "at" not in seen:
        raise BenchmarkFailed(f"the control long-poll never showed the final counts of "
                              f"{question!r}: {seen.get('error', 'timed out')}")
    latencies = [done - sent for sent, done, _ in acks]
    first, last = min(s for s, _, _ in acks), max(d for _, d, _ in acks)
    return {"answers": len(acks), "rate": len(acks) / (last - first),
            "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95),
            "lag": max(0.0, seen["at"] - last),
            "final": sorted(second for _, second in votes)}


def _memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in bytes (empty where /proc is missing)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    found = {}
    for line in lines:
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) * 1024
    return found


def run(*, quick: bool = False) -> bool:
    print(heading("room: 200 phones voting through the live room server",
                  f"{PHONES} phones per scenario, each: join, /api/now, vote, change the "
                  "vote; the server in its own process on 127.0.0.1."))
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="ccexercise-room-bench-") as tmp:
        folder = Path(tmp)
        (folder / "run_sheet.md").write_text(SHEET, encoding="utf-8")
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO),
                                                           os.environ.get("PYTHONPATH")]))}
        env.pop("CCEXERCISE_RUN_SHEET", None)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "ccexercise.room", "room_benchmark", "--run-sheet",
             str(folder / "run_sheet.md"), "--room-host", HOST, "--room-port", str(port),
             "--session-dir", str(folder)], env=env, cwd=folder, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        try:
            runtime = folder / "runtime" / "ccexercise-room.json"
            deadline = time.monotonic() + 60
            while not runtime.exists():
                if server.poll() is not None or time.monotonic() > deadline:
                    raise BenchmarkFailed("the room server did not start:\n"
                                          + (server.stdout.read() if server.poll() is not None
                                             else "(still starting after 60 s)"))
                time.sleep(0.1)
            secret = json.loads(runtime.read_text())["secret"]
            [store] = folder.glob("room-room_benchmark-*.sqlite")
            with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
                code = dict(db.execute("SELECT key, value FROM meta"))["join_code"]
            idle = _memory(server.pid)
            results = {"room": _scenario(port, code, secret, "room", burst=False, rng=rng)}
            time.sleep(7)  # let the shared address's bucket fill up again (100/s)
            results["burst"] = _scenario(port, code, secret, "burst", burst=True, rng=rng)
            memory = _memory(server.pid)
            with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
                stored = {q: sorted(json.loads(v) for (v,) in db.execute(
                    "SELECT value FROM answers WHERE question = ? AND cleared = 0", (q,)))
                    for q in results}
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
    rows = []
    for name, r in results.items():
        kept = stored[name] == r["final"]
        rows.append([name, f"{PHONES}", f"{r['answers']}", f"{r['rate']:.0f}",
                     milliseconds(r["p50"]), milliseconds(r["p95"]), milliseconds(r["lag"]),
                     "yes" if kept else "NO"])
        if not kept:
            raise BenchmarkFailed(f"the store does not hold every acknowledged answer of "
                                  f"{name!r}: {len(stored[name])} stored")
    print()
    print(table(["scenario", "phones", "answers", "answers/s", "p50 ack", "p95 ack",
                 "projector lag", "all in store"], rows))
    print()
    print("  Targets: 200 phones, nothing lost, p95 <= 100 ms, projector up to date "
          "within 1 s.")
    if memory:
        print(f"  Server memory: {memory['VmRSS'] / 2**20:.1f} MB resident after both "
              f"scenarios (peak {memory['VmHWM'] / 2**20:.1f} MB; "
              f"{idle.get('VmRSS', 0) / 2**20:.1f} MB before the phones came).")
    print("  answers/s: acknowledged answers over the time from the first to the last "
          "acknowledgement; projector lag: from the last acknowledgement to the control "
          "long-poll showing the final counts.")
    return True
