"""Fast tests of the grading pipeline's parts: records, static checks, repairs, sandbox commands.

No nbgrader run here: the released notebook committed in ``exercises/``
serves as the reference (it equals a fresh ``generate_assignment``).
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from ccexercise.pipeline import grade, integrity, records
from ccexercise.pipeline.grade import _setup
from ccexercise.pipeline.integrity import sandbox

REPO = Path(__file__).resolve().parents[2]
MODULE = "01_lost_customer_cost"
RELEASE = REPO / "exercises" / MODULE / "lost_customer_cost.ipynb"


@pytest.fixture(scope="module")
def reference():
    return integrity.reference_cells(RELEASE)


def _release():
    return json.loads(RELEASE.read_text())


def _index(cells, gid):
    return next(i for i, c in enumerate(cells)
                if c["metadata"].get("nbgrader", {}).get("grade_id") == gid)


def _write(tmp_path, data, name="nb.ipynb") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------

def test_records_are_written_atomically_and_read_back_sorted(tmp_path):
    for learner in ("zoe", "ana"):
        records.write_record(tmp_path, records.new_record(
            learner, MODULE, "graded", score=3.0, max_score=20.0,
            flags=[integrity.flag("timeout", "Cell 5 ran past 30 s.")], isolation="none",
            seconds=1.23456, sha256="ab" * 32))
    loaded = records.load_records(tmp_path)
    assert [r["learner"] for r in loaded] == ["ana", "zoe"]
    assert set(records.FIELDS) <= set(loaded[0])
    assert loaded[0]["seconds"] == 1.235 and loaded[0]["finished_at"].endswith("+00:00")
    folder = tmp_path / ".ccexercise" / "grading" / MODULE
    assert sorted(p.name for p in folder.iterdir()) == ["ana.json", "zoe.json"]
    assert records.read_record(tmp_path, MODULE, "ana")["score"] == 3.0
    assert records.read_record(tmp_path, MODULE, "nobody") is None


def test_unreadable_or_incomplete_records_count_as_absent(tmp_path):
    folder = tmp_path / ".ccexercise" / "grading" / MODULE
    folder.mkdir(parents=True)
    (folder / "cut.json").write_text('{"learner": "cut", "sta')
    (folder / "old.json").write_text('{"learner": "old"}')
    assert records.load_records(tmp_path) == []
    assert records.read_record(tmp_path, MODULE, "cut") is None


def test_records_refuse_bad_names_statuses_and_missing_fields(tmp_path):
    with pytest.raises(ValueError):
        records.record_path(tmp_path, MODULE, "../escape")
    with pytest.raises(ValueError):
        records.new_record("ana", MODULE, "done")
    with pytest.raises(ValueError):
        records.write_record(tmp_path, {"learner": "ana", "module": MODULE})
    with pytest.raises(ValueError):
        integrity.flag("not-a-code", "reason")


def test_submission_fingerprint_follows_the_files_not_editor_leftovers(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "a.ipynb").write_text("{}")
    first = records.submission_sha256(folder)
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("{}")
    assert records.submission_sha256(folder) == first
    (folder / "a.ipynb").write_text('{"x": 1}')
    assert records.submission_sha256(folder) != first
    assert records.submission_sha256(tmp_path / "none") == records.submission_sha256(
        tmp_path / "none-either")


def test_a_record_is_current_only_for_the_same_files_and_a_final_outcome():
    good = records.new_record("ana", MODULE, "graded", sha256="x")
    assert records.is_current(good, "x")
    assert not records.is_current(good, "y")
    assert not records.is_current(None, "x")
    assert not records.is_current(dict(good, retry=True), "x")


# --------------------------------------------------------------------------
# static reading of learner code
# --------------------------------------------------------------------------

@pytest.mark.parametrize("source,code", [
    ("import ccexercise.grading as g\ng.exactly = lambda *a, **k: True", "grading-module-patched"),
    ("import ccexercise as cc2\ncc2.grading.exactly = None", "grading-module-patched"),
    ("from ccexercise import grading\nsetattr(grading, 'exactly', print)",
     "grading-module-patched"),
    ("cc.grading.expect_type = print", "grading-module-patched"),
    ("import ccexercise.grading as g\ndel g.exactly", "grading-module-patched"),
    ("def expect_type(*a, **k):\n    pass", "helper-redefined"),
    ("exactly = lambda *a, **k: True", "helper-redefined"),
    ("from ccexercise.checks import check as exactly", "helper-redefined"),
    ("import numpy as cc", "helper-redefined"),
    ("type = lambda x: int", "builtin-shadowed"),
    ("import sys\nsys.modules['ccexercise.grading'] = None", "runtime-tampering"),
    ("import builtins\nbuiltins.isinstance = lambda *a: True", "runtime-tampering"),
    ("import importlib\nimportlib.reload(cc)", "runtime-tampering"),
    ("__builtins__.len = lambda x: 0", "runtime-tampering"),
    ("import gc\ngc.get_objects()", "runtime-tampering"),
    ("f = lambda: 1\nf.__code__ = (lambda: 2).__code__", "runtime-tampering"),
    ("get_ipython().events.register('pre_run_cell', print)", "runtime-tampering"),
    ("get_ipython().set_custom_exc((Exception,), print)", "runtime-tampering"),
    ("import sys\nsys.settrace(print)", "runtime-tampering"),
    ("from sys import modules\nmodules.clear()", "runtime-tampering"),
    ("class Liar(int):\n    def __eq__(self, o): return True", "custom-equality"),
    ("class Yes:\n    __eq__ = lambda s, o: True", "custom-equality"),
    ("import sys\nsys.exit(0)", "kernel-exit"),
    ("import os\nos._exit(1)", "kernel-exit"),
    ("from os import _exit\n_exit(1)", "kernel-exit"),
    ("exit()", "kernel-exit"),
    ("raise SystemExit", "kernel-exit"),
    ("open('../../../solutions/x/y.ipynb').read()", "course-access"),
    ("open('/course/gradebook.db', 'rb')", "course-access"),
    ("%time x = 1\nimport sys\nsys.exit()", "kernel-exit"),
])
def test_static_checks_flag_tampering(source, code):
    assert code in integrity.scan_source(source, {"cc": "ccexercise"})


def test_model_answers_and_plain_mistakes_raise_no_static_flag(reference):
    from ccexercise.pipeline.integrity.static_scan import scan_learner_cells as _scan_learner_cells

    source = nbformat.read(REPO / "solutions" / MODULE / "lost_customer_cost.ipynb", as_version=4)
    cells = [dict(c) for c in json.loads(nbformat.writes(source))["cells"]]
    for cell in cells:
        cell["source"] = "".join(cell["source"])
    assert _scan_learner_cells(cells, reference) == []
    for honest in ("x = 1 / 0", "margin = (", "top_reason = 'price'", "y = [i for i in range(3)]",
                   "import math\nanswer = math.sqrt(4)", "print(customers.head())"):
        assert integrity.scan_source(honest, {"cc": "ccexercise"}) == {}, honest


# --------------------------------------------------------------------------
# repairs and comparisons before grading
# --------------------------------------------------------------------------

@pytest.mark.parametrize("raw,words", [
    ("", "empty"),
    ('{"cells": [', "not valid JSON"),
    ("[1, 2, 3]", "not a Jupyter notebook"),
    ('{"nbformat": 4, "cells": [{"cell_type": "picture"}]}', "damaged"),
])
def test_unreadable_files_are_flagged_with_a_reason(tmp_path, reference, raw, words):
    inspection = integrity.inspect_notebook(_write(tmp_path, raw), reference)
    assert inspection.notebook is None
    assert [f["code"] for f in inspection.flags] == ["invalid-notebook"]
    assert words in inspection.flags[0]["reason"]


def test_binary_garbage_is_not_a_notebook(tmp_path, reference):
    path = tmp_path / "nb.ipynb"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    assert integrity.inspect_notebook(path, reference).flags[0]["code"] == "invalid-notebook"


def test_the_release_itself_raises_no_flag(tmp_path, reference):
    inspection = integrity.inspect_notebook(_write(tmp_path, _release()), reference)
    assert inspection.flags == [] and not inspection.repaired


def test_a_copied_answer_cell_keeps_the_answer_and_one_graded_copy(tmp_path, reference):
    data = _release()
    at = _index(data["cells"], "answer_harmful_line")
    answered = copy.deepcopy(data["cells"][at])
    answered["id"] = "copy1"
    answered["source"] = "harmful_line = 3"
    data["cells"].insert(at + 1, answered)
    inspection = integrity.inspect_notebook(_write(tmp_path, data), reference)
    assert inspection.repaired
    assert [f["code"] for f in inspection.flags] == ["duplicate-cell"]
    cells = inspection.notebook.cells
    graded = [c for c in cells if c.metadata.get("nbgrader", {}).get("grade_id") == "answer_harmful_line"]
    assert len(graded) == 1 and graded[0].source == "harmful_line = 3"
    assert len(cells) == len(_release()["cells"])  # the untouched stub copy is gone


def test_copied_test_and_written_cells_are_repaired(tmp_path, reference):
    data = _release()
    test_at = _index(data["cells"], "test_harmful_line")
    data["cells"].insert(0, copy.deepcopy(data["cells"][test_at]))
    data["cells"][0]["id"] = "early-copy"
    data["cells"][0]["source"] = "pass"
    written = _index(data["cells"], "reflection")
    data["cells"][written]["source"] = "First thoughts."
    second = copy.deepcopy(data["cells"][written])
    second["id"] = "more"
    second["source"] = "More thoughts."
    data["cells"].append(second)
    inspection = integrity.inspect_notebook(_write(tmp_path, data), reference)
    cells = inspection.notebook.cells
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in cells]
    assert ids.count("test_harmful_line") == 1 and ids.count("reflection") == 1
    assert ids.index("test_harmful_line") == ids.index("check_harmful_line") + 1   # the released position
    assert cells[ids.index("reflection")].source == "First thoughts.\n\nMore thoughts."
    assert [f["code"] for f in inspection.flags].count("duplicate-cell") == 2


def test_duplicate_cell_ids_get_new_ids(tmp_path, reference):
    data = _release()
    data["cells"][3]["id"] = data["cells"][2]["id"]
    inspection = integrity.inspect_notebook(_write(tmp_path, data), reference)
    ids = [c.id for c in inspection.notebook.cells]
    assert len(ids) == len(set(ids))
    assert [f["code"] for f in inspection.flags] == ["duplicate-cell"]
    nbformat.validate(inspection.notebook)


def test_deleted_cells_are_put_back_where_they_were_and_flagged(tmp_path, reference):
    data = _release()
    for gid in ("test_harmful_line", "setup", "reflection"):
        del data["cells"][_index(data["cells"], gid)]
    inspection = integrity.inspect_notebook(_write(tmp_path, data), reference)
    assert {f["code"] for f in inspection.flags} == {"test-cell-deleted", "locked-cell-deleted",
                                                     "answer-cell-deleted"}
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in inspection.notebook.cells]
    # cells without nbgrader metadata (a release may hold a plain empty cell) stay as they are
    assert [gid for gid in ids if gid is not None] == reference["order"]
    kept = integrity.inspect_notebook(_write(tmp_path, data, "b.ipynb"), reference,
                                      restores_missing=False)
    assert "test_harmful_line" not in [c.metadata.get("nbgrader", {}).get("grade_id")
                                 for c in kept.notebook.cells]


def test_edited_locked_cells_are_flagged(tmp_path, reference):
    data = _release()
    data["cells"][_index(data["cells"], "test_harmful_line")]["source"] = "pass"
    data["cells"][_index(data["cells"], "setup")]["source"] += "\nexactly = lambda *a: True"
    points = data["cells"][_index(data["cells"], "test_tomas")]["metadata"]["nbgrader"]
    points["points"] = 50
    inspection = integrity.inspect_notebook(_write(tmp_path, data), reference)
    reasons = {f["code"]: [] for f in inspection.flags}
    for item in inspection.flags:
        reasons[item["code"]].append(item["reason"])
    assert len(reasons["test-cell-edited"]) == 2 and len(reasons["locked-cell-edited"]) == 1
    assert "helper-redefined" not in reasons   # locked cells are not the learner's code


def test_outcome_flags_read_the_executed_notebook():
    def error(ename, evalue="", traceback=None):
        return nbformat.v4.new_output("error", ename=ename, evalue=evalue,
                                      traceback=traceback or [ename])
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("a") for _ in range(5)]
    nb.cells[0].outputs = [error("CellTimeoutError", traceback=["No reply before timeout"])]
    nb.cells[1].outputs = [error("MemoryError")]
    nb.cells[2].outputs = [error("SystemExit", "0")]
    nb.cells[3].outputs = [error("FileNotFoundError", "[Errno 2] '../../../gradebook.db'")]
    nb.cells[4].outputs = [error(integrity.KERNEL_DIED, "The kernel died in cell 5.")]
    codes = [f["code"] for f in integrity.outcome_flags(nb, timeout=5, memory_mb=512)]
    assert codes == ["timeout", "memory-limit", "kernel-exit", "course-access", "kernel-died"]


# --------------------------------------------------------------------------
# sandbox commands
# --------------------------------------------------------------------------

def test_bubblewrap_command_hides_first_then_shows_back_then_locks(tmp_path):
    course = tmp_path / "course"
    (course / "autograded" / "ana" / MODULE).mkdir(parents=True)
    exposed = tmp_path / "course" / "pkg"
    exposed.mkdir()
    cwd = str(course / "autograded" / "ana" / MODULE)
    argv = sandbox.bubblewrap_argv(["python", "-m", "ipykernel_launcher"], cwd=cwd,
                                   private_dir=str(tmp_path / "p"), memory_mb=512,
                                   hide=[str(course), "/root", "/nonexistent"],
                                   expose=[str(exposed)], env={"HOME": "/tmp"}, run_as=None)
    text = " ".join(argv)
    assert argv[:5] == [shutil.which("prlimit") or "prlimit", f"--fsize={512 * 2**20}",
                        "--core=0", f"--as={512 * 2**20}", "--"]
    for option in ("--unshare-user", "--unshare-net", "--unshare-pid", "--die-with-parent",
                   "--clearenv", "--new-session", "--disable-userns"):
        assert option in argv
    assert "/nonexistent" not in text and "--setenv HOME /tmp" in text
    # /tmp is an empty tmpfs, so the course below it needs no mask of its own
    assert text.index("--tmpfs /tmp") < text.index(f"--ro-bind {exposed} {exposed}") \
        < text.index(f"--bind {cwd} {cwd}") < text.index("--chdir")
    assert argv[-4:] == ["--", "python", "-m", "ipykernel_launcher"]
    nobody = sandbox.bubblewrap_argv(["python"], cwd=cwd, private_dir=str(tmp_path / "p"),
                                     memory_mb=0, run_as=65534)
    assert "--unshare-user" not in nobody and "--reuid=65534" in nobody
    assert nobody[-2:] == ["--", "python"] and "--nproc=512" in nobody


def test_without_bubblewrap_or_with_no_sandbox_grading_goes_on_unisolated(tmp_path, monkeypatch):
    off = sandbox.choose_isolation(tmp_path, "sqlite:///x.db", 256, disabled=True)
    assert off.mode == "none" and off.label.startswith("none (--no-sandbox")
    assert off.kernel_config == {"mode": "limit", "memory_mb": 256}
    which = shutil.which
    monkeypatch.setattr(sandbox.shutil, "which",
                        lambda name: None if name in ("bwrap", "prlimit") else which(name))
    missing = sandbox.choose_isolation(tmp_path, "sqlite:///x.db", 256)
    assert missing.mode == "none" and "bubblewrap not installed" in missing.label
    # Without prlimit the cap is set by a tiny Python wrapper around setrlimit.
    show = [sys.executable, "-c",
            "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"]
    argv = sandbox.limit_argv(show, 256)
    assert argv[0] == sys.executable and argv[-len(show):] == show
    assert subprocess.run(argv, capture_output=True, text=True).stdout.strip() == str(256 * 2**20)


def test_the_probe_finds_a_working_sandbox_here(tmp_path):
    if shutil.which("bwrap") is None and os.environ.get("CI") != "true":
        pytest.skip("bubblewrap is not installed here")
    course = tmp_path / "course"
    (course / "solutions" / MODULE).mkdir(parents=True)
    shutil.copy(RELEASE, course / "solutions" / MODULE / "secret.ipynb")
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    (course / "gradebook.db").write_bytes(b"SQLite format 3\x00")
    isolation = sandbox.choose_isolation(course, f"sqlite:///{course / 'gradebook.db'}", 1024)
    assert isolation.mode == "bubblewrap", isolation.label
    assert "no network" in isolation.label and "1024 MB" in isolation.label


def test_the_kernelspec_names_the_registered_provisioner(tmp_path):
    from importlib.metadata import entry_points

    from ccexercise.pipeline.integrity.sandbox_provisioner import SandboxProvisioner

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")

    name = sandbox.install_kernelspec(sandbox.Isolation("none", "x", 0, {"mode": "limit"}),
                                      tmp_path)
    spec = json.loads((tmp_path / "kernels" / name / "kernel.json").read_text())
    assert spec["interrupt_mode"] == "message"
    provisioner = spec["metadata"]["kernel_provisioner"]["provisioner_name"]
    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    declared = pyproject["project"]["entry-points"]
    assert declared["jupyter_client.kernel_provisioners"][provisioner] == \
        "ccexercise.pipeline.integrity.sandbox_provisioner:SandboxProvisioner"
    # The installed entry point loads that class (through ccexercise.sandbox_provisioner
    # while an editable install made before the move still names the old path).
    names = {ep.name: ep for ep in entry_points(group="jupyter_client.kernel_provisioners")}
    assert names[provisioner].load() is SandboxProvisioner


# --------------------------------------------------------------------------
# the command and the executor interface
# --------------------------------------------------------------------------

def test_grade_is_a_registered_subcommand_with_its_options():
    from ccexercise import cli

    args = cli.build_parser().parse_args(
        ["grade", MODULE, "--jobs", "3", "--timeout", "7", "--memory", "512",
         "--db-url", "postgresql://u@h/gb", "--no-sandbox"])
    assert (args.modules, args.jobs, args.timeout, args.memory, args.db_url, args.no_sandbox,
            args.serial_nbgrader) == ([MODULE], 3, 7.0, 512, "postgresql://u@h/gb", True, False)
    defaults = cli.build_parser().parse_args(["grade"])
    assert defaults.jobs == (os.cpu_count() or 1) and defaults.timeout == 30
    assert defaults.memory == 1024
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["grade", "--jobs", "0"])


def test_the_progress_is_one_plain_line_per_submission_off_a_terminal():
    import io

    from ccexercise.commands.grade import TextProgress

    stream = io.StringIO()
    progress = TextProgress(stream)
    progress(6, 12, {"module": MODULE, "learner": "ana", "status": "graded"})
    progress(12, 12, {"module": MODULE, "learner": "bo", "status": "failed"})
    assert stream.getvalue().splitlines() == [
        f"grading {MODULE}  6/12  ana",
        f"grading {MODULE}  12/12  bo (failed)"]


def test_the_progress_on_a_terminal_is_a_tqdm_bar_with_rate_and_count():
    import io

    from ccexercise.commands.grade import TextProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    progress = TextProgress(stream)
    for done, learner in enumerate(["ana", "bo", "cy", "di"], start=1):
        progress(done, 4, {"module": MODULE, "learner": learner, "status": "graded"})
    last = stream.getvalue().split("\r")[-1]
    assert f"grading {MODULE}" in last and "4/4" in last and "submission/s" in last
    assert progress.bar is None      # closed when the last submission is in


def test_one_task_is_a_picklable_call_of_plain_arguments(reference):
    call = pickle.loads(pickle.dumps((grade.grade_submission, {
        "root": "/course", "module": MODULE, "learner": "ana", "db_url": "sqlite:////gb.db",
        "course_id": "c", "notebooks": ["lost_customer_cost"],
        "references": {"lost_customer_cost": reference}, "max_score": 20.0, "timeout": 30,
        "memory_mb": 1024, "isolation": "none", "kernel_config": {"mode": "limit"}})))
    assert call[0] is grade.grade_submission
    assert grade.grade_submission.__module__ == "ccexercise.pipeline.grade._worker"


def test_the_faster_metadata_check_accepts_and_refuses_exactly_like_nbgrader(monkeypatch):
    import jsonschema
    from nbgrader.nbgraderformat import MetadataValidator, common

    monkeypatch.setattr(common, "jsonschema", jsonschema)   # restored after the test
    cells = nbformat.read(RELEASE, as_version=4).cells
    bad = copy.deepcopy(cells[5])
    bad.metadata.nbgrader["points"] = "two"
    stock = MetadataValidator()
    with pytest.raises(jsonschema.ValidationError) as expected:
        stock.validate_cell(bad)
    _setup._faster_metadata_checks()
    assert isinstance(common.jsonschema, _setup._SchemaOnce)
    fast = MetadataValidator()
    for cell in cells:
        fast.validate_cell(cell)
    with pytest.raises(jsonschema.ValidationError) as got:
        fast.validate_cell(bad)
    assert got.value.message == expected.value.message


def test_socket_folders_of_a_killed_grader_are_cleaned_and_live_ones_kept(tmp_path):
    import subprocess
    import sys

    from ccexercise.pipeline.integrity.sandbox_provisioner import clean_stale_socket_dirs

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)          # that process has exited: as after kill -9
    stale = tmp_path / f"ccx{dead_pid}-abc123"
    live = tmp_path / f"ccx{os.getpid()}-def456"
    other = tmp_path / "ccxnotapid-1"
    for folder in (stale, live, other):
        folder.mkdir()
        (folder / "k-1").write_text("")
    assert clean_stale_socket_dirs(str(tmp_path)) == [str(stale)]
    assert not stale.exists() and live.exists() and other.exists()


def test_workers_silence_only_nbgrader_s_not_in_session_warning():
    import warnings

    from sqlalchemy.exc import SAWarning

    from ccexercise.pipeline.grade._worker import _quiet_gradebook_warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _quiet_gradebook_warnings()
        warnings.warn("Object of type <SubmittedAssignment> not in session, add operation "
                      "along 'Assignment.submissions' will not proceed", SAWarning)
        warnings.warn("Some other SQLAlchemy trouble", SAWarning)
    assert [str(w.message) for w in caught] == ["Some other SQLAlchemy trouble"]
