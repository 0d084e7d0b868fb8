"""Benchmark: how long every widget of the kit takes to answer a control change.

Runs in a real ipykernel (started with jupyter_client's KernelManager), so
widgets send their comm messages to a connected client exactly as in
JupyterLab. For each case in :mod:`benchmarks.widget_cases` it builds the
widget and times N changes (a slider's ``.value = ...`` or a button's
``.click()``) with ``time.perf_counter``; observers run synchronously, so
when the statement returns every output (text, table, chart) is redrawn.
Right after each change it times the bare model call for the same inputs.

It prints, per widget, the median and p95 against the 100 ms target (a
person notices a delay beyond about 100 ms) and against the bare model
call, side by side in one run. It also checks that every change really
changed what the widget shows.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from jupyter_client import KernelManager

from ._common import BenchmarkFailed, heading, isolated_jupyter_env, percentile, ratio, table
from .widget_cases import CASES

MARKER = "@@BENCH_RESULT@@"
TARGET_MS = 100.0

KERNEL_CODE = textwrap.dedent("""
    import json, time
    import ipywidgets
    import ccexercise as cc
    import ccexercise.views, ccexercise.widgets, ccexercise.workshop

    def shown(widget):
        # Everything the widget shows: the state of it and all its descendants.
        seen, todo, out = set(), [widget], []
        while todo:
            item = todo.pop()
            if id(item) in seen or not isinstance(item, ipywidgets.Widget):
                continue
            seen.add(id(item))
            state = item.get_state()
            out.append(repr(sorted((k, bytes(v) if isinstance(v, memoryview) else v)
                                   for k, v in state.items()
                                   if k not in ("children", "layout", "style"))))
            todo += list(getattr(item, "children", ()))
        return hash(tuple(out))

    results = {}
    for case in CASES:
        space = {"cc": cc}
        exec(case["setup"], space)
        changes = [compile(c, "<change>", "exec") for c in case["changes"]]
        model = compile(case["model"], "<model>", "eval")
        out = {"widget": [], "model": [], "unchanged": []}
        for i in range(WARMUP + COUNT):
            before = shown(space["w"])
            t0 = time.perf_counter()
            exec(changes[i % len(changes)], space)
            t1 = time.perf_counter()
            eval(model, space)
            t2 = time.perf_counter()
            if i >= WARMUP:
                out["widget"].append(t1 - t0)
                out["model"].append(t2 - t1)
                if shown(space["w"]) == before:
                    out["unchanged"].append(case["changes"][i % len(changes)])
        results[case["widget"]] = out
    print(MARKER + json.dumps(results))
""")


def _run_in_kernel(code: str, timeout: float, log: Path) -> dict:
    km = KernelManager(kernel_name="python3")
    with log.open("ab") as sink:
        # Kernel stdout/stderr (start-up warnings) go to a log, shown on failure.
        km.start_kernel(stdout=sink, stderr=sink)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        stdout: list[str] = []
        errors: list[str] = []

        def hook(msg):
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "stream":
                stdout.append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}\n"
                              + "\n".join(content.get("traceback", [])[-6:]))
            # comm_open / comm_msg (the widget state updates) are ignored here,
            # but they are sent, as in JupyterLab.

        reply = kc.execute_interactive(code, output_hook=hook, timeout=timeout,
                                       store_history=False)
        if reply["content"]["status"] != "ok" or errors:
            raise BenchmarkFailed("the widget benchmark failed inside the kernel:\n"
                                  + "\n".join(errors or [str(reply["content"])])
                                  + "\nkernel log:\n" + _tail(log))
        text = "".join(stdout)
        line = next((ln for ln in text.splitlines() if ln.startswith(MARKER)), None)
        if line is None:
            raise BenchmarkFailed(f"the kernel printed no result; its output was:\n{text[-2000:]}")
        return json.loads(line[len(MARKER):])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def run(*, quick: bool = False, count: int | None = None) -> bool:
    count = count or (40 if quick else 200)
    warmup = 8 if quick else 20
    print(heading("widget: time for every widget to answer a change",
                  f"{len(CASES)} widgets; {count} changes each (after {warmup} untimed), "
                  "timed inside a real ipykernel;\nthe bare model call is timed right after "
                  f"each change. Target: p95 <= {TARGET_MS:.0f} ms."))
    cases = [{"widget": c.widget, "setup": c.setup, "changes": list(c.changes),
              "model": c.model} for c in CASES]
    code = (f"WARMUP = {warmup}\nCOUNT = {count}\nMARKER = {MARKER!r}\n"
            f"CASES = {cases!r}\n" + KERNEL_CODE)
    with isolated_jupyter_env() as tmp:
        out = _run_in_kernel(code, timeout=120 + len(CASES) * count * 2,
                             log=tmp / "kernel.log")

    rows, ok = [], True
    for case in CASES:
        result = out[case.widget]
        widget, model = result["widget"], result["model"]
        p95, model_p95 = percentile(widget, .95) * 1e3, percentile(model, .95) * 1e3
        verdict = "ok" if p95 <= TARGET_MS else "OVER"
        ok &= p95 <= TARGET_MS
        rows.append([case.widget, f"{percentile(widget, .5) * 1e3:.1f} ms", f"{p95:.1f} ms",
                     f"{p95 / TARGET_MS:.2f} of target ({verdict})",
                     f"{model_p95:.2f} ms", ratio(p95 / model_p95) if model_p95 else "-"])
        if result["unchanged"]:
            ok = False
            print(f"  NOTE: {case.widget}: {len(result['unchanged'])} changes showed nothing "
                  f"new, e.g. {result['unchanged'][0]!r}: fix its case in widget_cases.py")
    print()
    print(table(["widget", "median", "p95", "p95 / 100 ms", "model p95", "p95 / model p95"],
                rows))
    return ok
