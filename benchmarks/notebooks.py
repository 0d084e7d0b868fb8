"""Benchmark: run every course and solution notebook, against two floors.

Each notebook under ``course/**/*.ipynb`` and ``solutions/**/*.ipynb`` is
executed top to bottom with nbclient, exactly as ``make test`` (nbval) or
a learner's "Restart and run all" would: a fresh ``python3`` kernel per run,
working folder = the notebook's folder, 300 s per-cell timeout. The wall
time covers kernel start, every cell, and kernel shutdown.

Two floors are measured in the same run, interleaved with the notebooks
(floor, floor, nb1, nb2, ..., floor, floor, nb1, ...) so that machine noise
hits every measurement alike:

* **empty kernel**: a notebook with no cells (kernel start + shutdown);
* **kernel + imports**: one cell importing ccexercise, ccexercise.views,
  ccexercise.widgets, pandas and matplotlib, the start-up cost every
  course notebook pays before its first useful line.

``notebook / kernel+imports`` is what the notebook's own cells cost on top
of the unavoidable start-up (1.0 = nothing); ``notebook / empty kernel``
includes the imports.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from ._common import (
    REPO,
    BenchmarkFailed,
    heading,
    isolated_jupyter_env,
    median,
    ratio,
    seconds,
    table,
)

KERNEL = "python3"
TIMEOUT = 300
IMPORTS = "import ccexercise as cc, ccexercise.views, ccexercise.widgets, pandas, matplotlib"
EMPTY = "empty kernel"
FLOOR = "kernel + imports"


def discover(repo: Path = REPO) -> list[Path]:
    """Every course and solution notebook, sorted; checkpoints left out."""
    found = [p for pattern in ("course/**/*.ipynb", "solutions/**/*.ipynb")
             for p in repo.glob(pattern)]
    return sorted(p for p in found if ".ipynb_checkpoints" not in p.parts)


def _floor_notebook(source: str | None) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3",
                                 "language": "python"}
    if source is not None:
        nb.cells.append(nbformat.v4.new_code_cell(source))
    return nb


def run_once(nb: nbformat.NotebookNode, folder: Path, log: Path) -> float:
    """Execute a copy of ``nb`` in a fresh kernel; return the wall time in seconds."""
    nb = nbformat.from_dict(nb)          # never mutate the caller's copy
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(folder)}})
    with log.open("ab") as sink:
        start = time.perf_counter()
        # Kernel stdout/stderr go to a log file, shown only if the run fails.
        client.execute(stdout=sink, stderr=sink)
        return time.perf_counter() - start


def _tail(log: Path, lines: int = 15) -> str:
    try:
        text = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return "\n".join(text[-lines:])


def run(*, quick: bool = False, repeats: int | None = None) -> bool:
    """Measure and print; return False if a notebook failed."""
    repeats = repeats or (1 if quick else 3)
    notebooks = discover()
    print(heading("notebooks: execute every course and solution notebook",
                  f"{len(notebooks)} notebooks, {repeats} run(s) each, interleaved with the "
                  f"two floors; fresh '{KERNEL}' kernel per run,\nwall time of kernel start "
                  "+ all cells + shutdown, median over the runs."))
    if not notebooks:
        print("  no notebooks found under course/ or solutions/")
        return True

    jobs: list[tuple[str, nbformat.NotebookNode, Path]] = [
        (EMPTY, _floor_notebook(None), REPO),
        (FLOOR, _floor_notebook(IMPORTS), REPO),
    ]
    for path in notebooks:
        jobs.append((str(path.relative_to(REPO)), nbformat.read(path, as_version=4),
                     path.parent))

    times: dict[str, list[float]] = {name: [] for name, _, _ in jobs}
    failed: dict[str, str] = {}
    with isolated_jupyter_env() as tmp:
        log = tmp / "kernels.log"
        # One untimed warm-up: creates the temporary profile folders and warms
        # the disk cache and bytecode, so the first timed run is not penalised.
        try:
            run_once(jobs[1][1], REPO, log)
        except Exception as exc:  # noqa: BLE001 - reported, not hidden
            raise BenchmarkFailed(f"the kernel+imports warm-up failed: {exc}\n{_tail(log)}") \
                from exc
        for round_ in range(repeats):
            for name, nb, folder in jobs:
                if name in failed:
                    continue
                try:
                    times[name].append(run_once(nb, folder, log))
                except CellExecutionError as exc:
                    failed[name] = _first_error_line(exc)
                except Exception as exc:  # noqa: BLE001 - dead kernel, timeout...: reported
                    failed[name] = f"{type(exc).__name__}: {exc}\n{_tail(log)}"
            print(f"  ... round {round_ + 1}/{repeats} done", flush=True)

    empty, floor = median(times[EMPTY]), median(times[FLOOR])
    rows = []
    for name, _, _ in jobs:
        if name in failed:
            rows.append([name, "FAILED", "", ""])
            continue
        t = median(times[name])
        rows.append([name, seconds(t),
                     "" if name == EMPTY else ratio(t / floor),
                     ratio(t / empty)])
    print()
    print(table(["notebook", "median", "/ kernel+imports", "/ empty kernel"], rows))
    print()
    print(f"  floors: empty kernel {seconds(empty)}, kernel + imports {seconds(floor)} "
          f"(imports alone ≈ {seconds(max(floor - empty, 0))}).")
    for path in notebooks:
        name = str(path.relative_to(REPO))
        if name in failed:
            continue
        t = median(times[name])
        print(f"  {name} … {seconds(t)} = {t / floor:.1f} × kernel+imports ({seconds(floor)})"
              f" = {t / empty:.1f} × empty kernel ({seconds(empty)})")
    if len(times[EMPTY]) > 1:
        spread = max(times[FLOOR]) / min(times[FLOOR])
        print(f"  noise: the kernel+imports floor varied {spread:.2f} × between its fastest "
              "and slowest run.")
    for name, message in failed.items():
        print(f"\n  FAILED {name}:\n    " + message.replace("\n", "\n    "))
    return not failed


def _first_error_line(exc: CellExecutionError) -> str:
    """The exception name and message from a cell error, without the long traceback."""
    ename = getattr(exc, "ename", "") or "error"
    evalue = getattr(exc, "evalue", "") or ""
    return f"{ename}: {evalue}".strip() + "\n" + "\n".join(str(exc).splitlines()[:12])
