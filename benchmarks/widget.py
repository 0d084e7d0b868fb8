"""Benchmark: how long a slider move takes in the lost-customer calculator.

Runs in a real ipykernel (started with jupyter_client's KernelManager), so
the widget sends its comm messages to a connected client exactly as in
JupyterLab. Inside the kernel it builds ``lost_customer_calculator()`` and,
for each of N changes cycling through ``first_year``, ``growth_per_year``,
``years`` and ``margin``, times the ``slider.value = ...`` assignment with
``time.perf_counter``; the observe callbacks run synchronously, so when the
assignment returns the summary, table and chart are recomputed.

Side by side, for the same inputs right after each change, it times the
work the widget must do anyway: ``cc.lost_revenue(...)`` +
``cc.views.lost_revenue_chart(...)`` + ``figure_to_png``. The ratio
widget / (model + chart) is the widget's overhead: 1.00 would mean the
sliders cost nothing beyond the sums and the drawing. It also checks that
the widget's result and PNG equal the bare calls' (same inputs, same bytes).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from jupyter_client import KernelManager

from ._common import BenchmarkFailed, heading, isolated_jupyter_env, percentile, ratio, table

MARKER = "@@BENCH_RESULT@@"

KERNEL_CODE = textwrap.dedent("""
    import json, time
    import ccexercise as cc
    import ccexercise.views, ccexercise.widgets
    from ccexercise.views import figure_to_png, lost_revenue_chart

    CYCLES = {
        "first_year":      [10_000, 25_000, 50_000, 5_000, 80_000, 1_500],
        "growth_per_year": [2_000, 0, 5_000, 500, 12_000, 1_000],
        "years":           [5, 10, 3, 20, 8, 1],
        "margin":          [0.2, 0.35, 0.1, 0.5, 0.25, 0.05],
    }
    ORDER = ("first_year", "growth_per_year", "years", "margin")

    def changes(count, start=0):
        # Change i moves slider i % 4 to the next value of its cycle, so every
        # assignment really changes the value (and fires the observers).
        for i in range(start, start + count):
            name = ORDER[i % 4]
            cycle = CYCLES[name]
            yield name, cycle[(i // 4 + 1) % len(cycle)]

    calc = cc.widgets.lost_customer_calculator(10_000, 2_000, 5, 0.2)
    assert calc.result is not None

    def bare():
        t0 = time.perf_counter()
        cost = cc.lost_revenue(calc.first_year.value,
                               growth_per_year=calc.growth_per_year.value,
                               years=calc.years.value, margin=calc.margin.value)
        t1 = time.perf_counter()
        fig = lost_revenue_chart(cost)
        t2 = time.perf_counter()
        png = figure_to_png(fig)
        t3 = time.perf_counter()
        return cost, png, (t1 - t0, t2 - t1, t3 - t2)

    # Untimed warm-up: fonts, caches, first comm messages.
    for name, value in changes(WARMUP, start=0):
        getattr(calc, name).value = value
        bare()

    out = {"widget": [], "model": [], "chart": [], "png": [], "errors": 0, "mismatch": []}
    for i, (name, value) in enumerate(changes(COUNT, start=WARMUP)):
        slider = getattr(calc, name)
        if slider.value == value:
            raise RuntimeError(f"change {i} would not change {name} (already {value})")
        t0 = time.perf_counter()
        slider.value = value
        out["widget"].append(time.perf_counter() - t0)
        if calc.result is None:
            out["errors"] += 1
        cost, png, (model, chart, render) = bare()
        out["model"].append(model)
        out["chart"].append(chart)
        out["png"].append(render)
        if calc.result is not None and (calc.result.revenue != cost.revenue
                                        or calc.result.profit != cost.profit
                                        or calc.chart.value != png):
            out["mismatch"].append(f"change {i}: {name}={value}")
    print(MARKER + json.dumps(out))
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
    print(heading("widget: lost_customer_calculator slider latency",
                  f"{count} slider changes (after {warmup} untimed), cycling first_year, "
                  "growth_per_year, years, margin,\ntimed inside a real ipykernel; "
                  "the bare calls are timed right after each change, same inputs."))
    code = f"WARMUP = {warmup}\nCOUNT = {count}\nMARKER = {MARKER!r}\n" + KERNEL_CODE
    with isolated_jupyter_env() as tmp:
        out = _run_in_kernel(code, timeout=60 + count * 5, log=tmp / "kernel.log")

    widget, model, chart, png = (out[k] for k in ("widget", "model", "chart", "png"))
    bare = [m + c + p for m, c, p in zip(model, chart, png)]
    per_change = sorted(w / b for w, b in zip(widget, bare))

    def ms(values, share):
        return f"{percentile(values, share) * 1e3:.1f} ms"

    rows = [
        ["widget: slider.value = ... (all outputs redrawn)", ms(widget, .5), ms(widget, .95)],
        ["bare: lost_revenue + lost_revenue_chart + PNG", ms(bare, .5), ms(bare, .95)],
        ["  of which lost_revenue (model)", ms(model, .5), ms(model, .95)],
        ["  of which lost_revenue_chart (build figure)", ms(chart, .5), ms(chart, .95)],
        ["  of which figure_to_png (render)", ms(png, .5), ms(png, .95)],
    ]
    print()
    print(table(["step", "median", "p95"], rows))
    med_w, med_b = percentile(widget, .5), percentile(bare, .5)
    print()
    print(f"  widget / (model+chart): {ratio(med_w / med_b)} on the medians "
          f"({med_w * 1e3:.1f} ms vs {med_b * 1e3:.1f} ms), "
          f"{ratio(percentile(widget, .95) / percentile(bare, .95))} on the p95s;")
    print(f"  per change the ratio ranged {ratio(per_change[0])} to {ratio(per_change[-1])} "
          f"(median {ratio(percentile(per_change, .5))}).")
    print(f"  widget overhead per move ≈ {(med_w - med_b) * 1e3:.1f} ms "
          "(HTML table and summary, comm messages, observers).")
    drawing = percentile(chart, .5) + percentile(png, .5)
    print(f"  inside the bare work, drawing (figure + PNG) takes {ratio(drawing / percentile(model, .5))} "
          "the model's own time.")
    ok = True
    if out["errors"]:
        print(f"  NOTE: {out['errors']} of {count} changes left the calculator in its "
              "error state (expected 0).")
        ok = False
    if out["mismatch"]:
        print("  MISMATCH between the widget and the bare calls: "
              + "; ".join(out["mismatch"][:5]))
        ok = False
    else:
        print(f"  check: the widget's result and PNG equal the bare calls' for all "
              f"{count} changes.")
    return ok
