"""Every module's facilitator page in Voila, as a trainer projects it (``ccexercise
workshop`` serves the same page with the same template): no code on screen, the step
deck moves on with Next, and the step timer counts down.

Pages are found by glob (``course/*/facilitator.ipynb``), so a new module's page is
covered at once.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import browser_helpers as bh

FACILITATOR_PAGES = bh.pages("facilitator.ipynb")
CODE_ON_SCREEN = (".jp-CodeCell .jp-InputArea", ".jp-CodeMirrorEditor", ".cm-editor",
                  ".jp-CodeCell .jp-InputPrompt")
TICK_TIMEOUT = 4_000  # ms: one tick (1 s) plus a round trip to the kernel on a busy machine
CODE_TEXT = ("WorkshopStep(", "import ccexercise", "cc.widgets.")


def _expect(*args, **kwargs):
    from playwright.sync_api import expect
    return expect(*args, **kwargs)


def _seconds(clock: str) -> int:
    minutes, seconds = clock.split(":")
    return int(minutes) * 60 + int(seconds)


@pytest.mark.parametrize("facilitator", FACILITATOR_PAGES)
def test_facilitator_page_presents_steps_and_timer_in_voila(facilitator, page, voila_server,
                                                            artifacts):
    external = []  # the projector template must not need the internet
    page.on("request", lambda r: external.append(r.url) if bh.NOT_LOCAL.match(r.url) else None)
    page.goto(voila_server.url(f"voila/render/{facilitator}"))
    meta = page.get_by_text(re.compile(r"^Step \d+ of \d+"))
    _expect(meta).to_have_text(re.compile(r"^Step 1 of \d+"), timeout=bh.KERNEL_TIMEOUT)

    for selector in CODE_ON_SCREEN:
        _expect(page.locator(f"{selector}:visible")).to_have_count(0)
    html, text = page.content(), page.locator("body").inner_text()
    for code in CODE_TEXT:
        assert code not in html and code not in text, f"code on the page: {code!r}"
    page.screenshot(path=str(artifacts / "facilitator-step1.png"))
    assert external == [], f"the page asked the internet for {external}"

    deck = page.locator(".widget-vbox").filter(has=meta).filter(
        has=page.get_by_role("button", name="Next")).last
    title = deck.locator(".widget-html h2").first
    first_title = title.inner_text()
    deck.get_by_role("button", name="Next").click()
    _expect(meta).to_have_text(re.compile(r"^Step 2 of \d+"))
    _expect(title).not_to_have_text(first_title)

    clock = deck.locator("[role=timer]")
    _expect(clock).to_have_text(re.compile(r"^\d\d:\d\d"))
    full_time = re.match(r"\d\d:\d\d", clock.inner_text()).group(0)
    started = time.monotonic()
    deck.get_by_role("button", name="Start").click()
    # The countdown ticks once a second in the browser; the clock is redrawn by the kernel.
    _expect(clock).not_to_have_text(re.compile(rf"^{full_time}"), timeout=TICK_TIMEOUT)
    print(f"{facilitator}: the clock moved {time.monotonic() - started:.1f} s after Start")
    now = re.match(r"(\d\d):(\d\d)", clock.inner_text())
    assert now, f"the clock shows {clock.inner_text()!r}"
    assert _seconds(now.group(0)) < _seconds(full_time), "the clock should count down"
    _expect(deck.get_by_role("button", name="Pause")).to_be_enabled()
    meta.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(artifacts / "facilitator-step2-timer.png"))


RUN_SHEET_TITLE = "A step title only the browser test writes"


@pytest.mark.parametrize("facilitator", FACILITATOR_PAGES)
def test_facilitator_page_follows_its_edited_run_sheet(facilitator, page, voila_server,
                                                       course_copy, artifacts):
    """A trainer edits run_sheet.md beside the page and reloads: the page shows the change,
    and where the room is against the session ("Step 1 of N · 0 of M minutes used")."""
    sheet = course_copy / Path(facilitator).parent / "run_sheet.md"
    original = sheet.read_text(encoding="utf-8")
    visible = re.sub(r"<!--.*?-->", "", original, flags=re.S)  # notes may show headings too
    heading = next(line for line in visible.splitlines() if line.startswith("## "))
    minutes = heading[heading.rindex("("):]
    try:
        sheet.write_text(original.replace(heading, f"## {RUN_SHEET_TITLE} {minutes}", 1),
                         encoding="utf-8")
        page.goto(voila_server.url(f"voila/render/{facilitator}"))
        meta = page.get_by_text(re.compile(r"^Step \d+ of \d+"))
        _expect(meta).to_have_text(re.compile(r"^Step 1 of \d+ · 0 of \d+(\.\d+)? minutes? used$"),
                                   timeout=bh.KERNEL_TIMEOUT)
        _expect(page.locator(".widget-html h2").first).to_have_text(RUN_SHEET_TITLE)
        page.screenshot(path=str(artifacts / "facilitator-edited-run-sheet.png"))
    finally:
        sheet.write_text(original, encoding="utf-8")


# -- module 04: the deadline example as a live demonstration ---------------------------

def test_module_04_deadline_example_runs_live_in_voila(page, voila_server, artifacts):
    """On module 04's page the trainer presses the two halves of the deadline example
    and the room sees the sentence, the level and the chart turn round."""
    import ccexercise

    page.goto(voila_server.url("voila/render/course/04_satisfaction_formula/facilitator.ipynb"))
    _expect(page.get_by_text(re.compile(r"^Step 1 of \d+"))).to_be_visible(
        timeout=bh.KERNEL_TIMEOUT)
    late = page.get_by_role("button", name="Promise 3, deliver in 5")
    early = page.get_by_role("button", name="Promise 5, deliver in 3")
    simulator = page.locator(".widget-vbox").filter(has=late).last
    sentence = simulator.locator(".widget-html", has_text="Promised")
    chart = simulator.locator("img.widget-image")
    pleased = ccexercise.promise_vs_delivery(promised=5, delivered=3)
    let_down = ccexercise.promise_vs_delivery(promised=3, delivered=5)
    _expect(sentence).to_have_text(pleased.summary())
    old_picture = chart.get_attribute("src")

    late.scroll_into_view_if_needed()
    late.click()
    _expect(sentence).to_have_text(let_down.summary())
    _expect(simulator.locator(".widget-html", has_text="let down")).not_to_have_count(0)
    _expect(chart).not_to_have_attribute("src", old_picture)
    late.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(artifacts / "facilitator-deadline-late.png"))
    late_picture = chart.get_attribute("src")

    early.click()
    _expect(sentence).to_have_text(pleased.summary())
    _expect(chart).not_to_have_attribute("src", late_picture)  # a new picture each time


def test_nps_room_poll_takes_the_rooms_scores_in_voila(page, voila_server, artifacts):
    """Module 05: type the room's scores into the poll; the big NPS appears and a bad
    entry is listed, not dropped."""
    page.goto(voila_server.url("voila/render/course/05_nps/facilitator.ipynb"))
    box = page.get_by_placeholder("Type or paste the scores")
    _expect(box).to_be_visible(timeout=bh.KERNEL_TIMEOUT)
    _expect(page.get_by_text("Waiting for the room")).to_be_visible()
    box.fill("10 9, 9 6 7 eleven")
    box.press("Tab")  # the box sends its text when it loses focus
    # 3 promoters, 1 passive, 1 detractor: (3 - 1) / 5 = +40
    _expect(page.locator(".widget-html", has_text="NPS +40.0")).to_be_visible()
    _expect(page.get_by_text("entry 6 eleven is not a number")).to_be_visible()
    _expect(box).to_have_value("10 9, 9 6 7 eleven")
    page.screenshot(path=str(artifacts / "facilitator-room-poll.png"))
