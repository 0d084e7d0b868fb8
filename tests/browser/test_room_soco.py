"""Module 07's anonymous self-assessment in real browsers: three phones fill the 24-statement
form, two people type theirs on the presenter's laptop, and the projector shows the team's
picture only once five have answered and the trainer shows the results.

``ccexercise workshop 07_soco_self_assessment`` is started as a trainer starts it; the
phones join by the projector's QR code (see test_room.py for the machinery).
"""

from __future__ import annotations

import re
import shutil

import pytest

import browser_helpers as bh
import ccexercise as cc
from test_room import _decode_qr, _expect, _innermost, module_room

MODULE = "07_soco_self_assessment"
LOGS = bh.ARTIFACTS / "test_room_soco-workshop"
BEST = {s.code: 9 if s.orientation == "customer" else 1 for s in cc.SOCO_STATEMENTS}
WORST = {s.code: 1 if s.orientation == "customer" else 9 for s in cc.SOCO_STATEMENTS}
MIDDLE = {s.code: 5 for s in cc.SOCO_STATEMENTS}


@pytest.fixture(scope="module")
def soco_room(browser_tmp, playwright_chromium):
    shutil.rmtree(LOGS, ignore_errors=True)
    with module_room(MODULE, browser_tmp, playwright_chromium, LOGS) as room:
        yield room


def _send_form(phone, answers: dict) -> None:
    form = phone.get_by_role("group", name=re.compile("How often do you do this"))
    _expect(form).to_be_visible()
    selects = form.locator("select")
    _expect(selects).to_have_count(24)
    for k, statement in enumerate(cc.SOCO_STATEMENTS):
        selects.nth(k).select_option(str(answers[statement.code]))
    form.get_by_role("button", name="Send my answers").click()
    _expect(phone.locator(".saved").first).to_have_text(
        "Saved: all 24 statements — you can change it")


def test_phones_and_typed_forms_make_the_teams_picture(soco_room, artifacts):
    room = soco_room
    room.open_views()
    meta = room.presenter.get_by_text(re.compile(r"^Step \d+ of \d+"))
    room.presenter.locator(".widget-vbox").filter(has=meta).filter(
        has=room.presenter.get_by_role("button", name="Next")).last.get_by_role(
        "button", name="Next").click()
    _expect(room.projector.get_by_text(re.compile(r"^Step \d+ of \d+"))).to_have_text(
        re.compile(r"^Step 2 of 8"))
    room.ensure_open("soco")
    shot = room.workshop.log_dir / "soco-projector-qr.png"
    room.projector.locator('img[alt^="QR code to join: "]').scroll_into_view_if_needed()
    room.projector.screenshot(path=str(shot))
    room.join_phones(_decode_qr(shot)[0])

    for phone, answers in zip(room.phones, (BEST, MIDDLE, WORST)):
        _expect(phone.get_by_text(re.compile("^Anonymous: no name is asked"))).to_be_visible()
        _expect(phone.get_by_text(re.compile("not a secret ballot"))).to_be_hidden()
        _send_form(phone, answers)
    room.phones[0].screenshot(path=str(artifacts / "phone-soco-form.png"), full_page=True)

    tool = _innermost(room.projector, room.projector.get_by_text(
        "The team's self-assessment", exact=True))
    _expect(tool).to_contain_text("3 of at least 5 people have answered")

    entry = _innermost(room.presenter, room.presenter.get_by_role(
        "button", name="Add my answers (no name)"))
    selects = entry.locator(".widget-dropdown select")
    for person in range(2):  # two people without phones, in turn, at the laptop
        for k in range(24):
            selects.nth(k).select_option(label="5 sometimes")
        entry.get_by_role("button", name="Add my answers (no name)").click()
        _expect(entry).to_contain_text(f"Added. {person + 1} typed in so far")
    _expect(tool).to_contain_text("5 people have answered. The team's picture appears when "
                                  "the trainer shows the results.")
    _expect(tool.locator("img.widget-image")).to_be_hidden()

    room.ensure_revealed("soco")
    team = cc.soco_team([BEST, MIDDLE, WORST, MIDDLE, MIDDLE])
    assert team.scores == (24, 120, 120, 120, 216)
    _expect(tool).to_contain_text(team.summary())
    _expect(tool.locator("img.widget-image")).to_be_visible()
    tool.scroll_into_view_if_needed()
    room.projector.screenshot(path=str(artifacts / "projector-soco-team.png"))
    entry.scroll_into_view_if_needed()
    room.presenter.screenshot(path=str(artifacts / "presenter-soco-entry.png"))
    assert room.page_errors == []
