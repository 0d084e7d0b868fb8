"""The pipeline on a real PostgreSQL gradebook (several graders share one): build, grade, read back.

A private PostgreSQL server is started for this module only: ``initdb`` in
a temporary folder, ``pg_ctl start`` on a free port of 127.0.0.1 with its
Unix socket in that folder, then stopped (``pg_ctl stop -m fast``) and
removed. As root the server runs as the ``postgres`` user (it refuses to
run as root). Without the server binaries the tests are skipped, except in
CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import csv
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ccexercise.pipeline.course import resolve_db_url

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
INSTALL = ("install it with: sudo apt-get install postgresql "
           "(`make test` installs it when run as root, via tools/system-deps.sh)")


def unavailable(reason: str):
    """Skip, or in CI fail: a missing database server must not pass unnoticed there."""
    message = f"PostgreSQL test needs {reason}; {INSTALL}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def server_binaries() -> Path | None:
    """The folder of initdb, pg_ctl and postgres: Debian's newest, else the ones on PATH."""
    def version(path: str) -> tuple:
        return tuple(int(x) for x in re.findall(r"\d+", path.split("/postgresql/")[1][:8]))

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    """A running, empty PostgreSQL database for this module; its SQLAlchemy URL."""
    binaries = server_binaries()
    if binaries is None:
        unavailable("the PostgreSQL server (initdb, pg_ctl), which is not installed")
    try:
        import psycopg2
    except ImportError:
        unavailable("psycopg2 (pip install psycopg2-binary) and the server")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="ccexercise-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            unavailable("a 'postgres' user to run the server as (the Debian package makes it)")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def run(*args: str, timeout: float = 120) -> None:
        result = subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=timeout,
                                cwd=folder)
        assert result.returncode == 0, (f"{' '.join(args)} exited {result.returncode}:\n"
                                        f"{result.stdout}\n{result.stderr}")

    started = False
    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C", "--no-sync")
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w",
            "-t", "60", "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start")
        started = True
        connection = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                                      dbname="postgres")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("CREATE DATABASE gradebook")
        connection.close()
        yield f"postgresql://postgres@127.0.0.1:{port}/gradebook"
    finally:
        if started:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def ccexercise(root: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "ccexercise.cli", *args], cwd=root,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, (f"ccexercise {' '.join(args)} exited {result.returncode}:\n"
                                    f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result.stdout


@pytest.fixture(scope="module")
def graded(postgres_url, tmp_path_factory, kit):
    """A course built and graded with the gradebook in PostgreSQL: (root, url, expected totals)."""
    root = tmp_path_factory.mktemp("postgres") / "course"
    root.mkdir()
    shutil.copy(kit.REPO / "nbgrader_config.py", root)
    shutil.copytree(kit.REPO / "solutions", root / "solutions")
    ccexercise(root, "build", MODULE, "--db-url", postgres_url)
    model = kit.model_answers(MODULE)
    points = kit.autograded_points(MODULE)
    full = sum(points.values())
    expected = {"model": full, "untouched": 0, "one_wrong": full - points["test_harmful_line"]}
    kit.make_submission(root, "model", MODULE, answers=model)
    kit.make_submission(root, "untouched", MODULE)
    kit.make_submission(root, "one_wrong", MODULE,
                        answers=dict(model, answer_harmful_line="harmful_line = 1"))
    ccexercise(root, "grade", "--db-url", postgres_url)
    return root, postgres_url, expected


def test_scores_are_in_the_postgres_gradebook(graded):
    from nbgrader.api import Gradebook

    root, url, expected = graded
    # the URL as typed (postgresql://) names the driver that is installed (psycopg2)
    assert resolve_db_url(root, url).startswith("postgresql+psycopg2://")
    with Gradebook(resolve_db_url(root, url), "ccexercise") as gb:
        assert [a.name for a in gb.assignments] == [MODULE]
        got = {}
        for learner in expected:
            nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
            got[learner] = sum(g.score for g in nb.grades if not g.needs_manual_grade)
            assert all(g.auto_score is not None for g in nb.grades if g.cell_type == "code")
    assert got == expected
    assert not (root / "gradebook.db").exists()  # nothing went to the default SQLite file


def test_report_and_feedback_read_the_same_postgres_gradebook(graded, tmp_path):
    root, url, expected = graded
    ccexercise(root, "report", "--db-url", url, "--out", str(tmp_path))
    with (tmp_path / "grades.csv").open(newline="") as handle:
        rows = {r["learner_id"]: r for r in csv.DictReader(handle)}
    assert {learner: float(rows[learner]["score"]) for learner in expected} == expected
    out = ccexercise(root, "feedback", "--db-url", url)
    assert f"{MODULE}: feedback for 3 learner(s)" in out
    for learner in expected:
        assert (root / "feedback" / learner / MODULE / f"{NOTEBOOK}.html").is_file()
    assert not (root / "gradebook.db").exists()
