"""Module 08's room in real browsers: the room builds a mystery-shop checklist from its
phones. ``ccexercise workshop 08_listening_to_customers`` is started as a trainer
starts it; three phones send ideas to the run sheet's ``[stages]`` poll and upvote
one, the projector shows them once revealed, and the presenter's checklist builder
takes the room's ideas, the most upvoted first, with one click.

The room's machinery itself is tested in ``test_room.py``; this file reuses its
:class:`Room` and only adds the module's own tool.
"""

from __future__ import annotations

import re

import pytest

from test_room import LOGS, _expect, module_room

MODULE = "08_listening_to_customers"
IDEAS = ("Is the door easy to open with full hands?",
         "Are the prices on the shelf the same as on the website?",
         "Is anyone at the counter when you walk in?")


@pytest.fixture(scope="module")
def listening_room(browser_tmp, playwright_chromium):
    with module_room(MODULE, browser_tmp, playwright_chromium, LOGS) as room:
        yield room


def _stages_open(room) -> None:
    """Bring the room to step 2, whose ``stages`` poll is open, with three phones in."""
    room.ensure_views()
    meta = room.presenter.get_by_text(re.compile(r"^Step \d+ of \d+"))
    _expect(meta).to_be_visible()
    if not meta.inner_text().startswith("Step 2 of"):
        room.presenter.locator(".widget-vbox").filter(has=meta).filter(
            has=room.presenter.get_by_role("button", name="Next")).last.get_by_role(
            "button", name="Next").click()
    _expect(meta).to_have_text(re.compile(r"^Step 2 of 8"))
    _expect(room.projector.get_by_text(re.compile(r"^Step \d+ of \d+"))).to_have_text(
        re.compile(r"^Step 2 of 8"))
    room.ensure_open("stages")
    room.ensure_phones()


def test_phones_ideas_become_the_checklist(listening_room, artifacts):
    room = listening_room
    room.open_views()
    _stages_open(room)
    for phone, idea in zip(room.phones, IDEAS):
        box = phone.get_by_label(re.compile("mystery shopper should check"))
        _expect(box).to_be_visible()
        box.fill(idea)
        box.locator("xpath=following-sibling::button[1]").click()
        _expect(phone.get_by_text(f"Saved: {idea}", exact=False).first).to_be_visible()
    for phone in room.phones[1:]:  # two votes for the first phone's idea
        vote = phone.get_by_role("button", name=re.compile(re.escape(f"Vote for: {IDEAS[0]}")))
        _expect(vote).to_be_visible()
        vote.click()
        _expect(vote).to_have_attribute("aria-pressed", "true")
    room.phones[1].screenshot(path=str(artifacts / "phone-ideas.png"))

    room.ensure_revealed("stages")
    for idea in IDEAS:
        _expect(room.projector.get_by_text(idea).first).to_be_visible()
    room.projector.get_by_text(IDEAS[0]).first.scroll_into_view_if_needed()
    room.projector.screenshot(path=str(artifacts / "projector-ideas.png"))

    add = room.presenter.get_by_role("button", name="Add the room's top ideas")
    add.scroll_into_view_if_needed()
    add.click()
    ideas = room.presenter.get_by_label("Ideas from the room")
    _expect(ideas).to_have_value(re.compile("^" + re.escape(IDEAS[0]) + "\n"))
    for idea in IDEAS[1:]:
        _expect(ideas).to_have_value(re.compile(re.escape(idea)))
    builder_preview = room.presenter.locator(".widget-html", has_text="Ideas from the room").last
    _expect(builder_preview).to_contain_text(IDEAS[0])
    add.scroll_into_view_if_needed()
    room.presenter.screenshot(path=str(artifacts / "presenter-checklist-builder.png"))


def test_a_phone_keeps_its_typing_while_the_room_changes(listening_room):
    """Someone is halfway through an idea when another phone's idea arrives: the
    phone redraws the room's ideas, but the text box keeps its focus and its text,
    so the next keys still land in it (the phone's keyboard stays open)."""
    room = listening_room
    _stages_open(room)
    typing, other = room.phones[0], room.phones[1]
    box = typing.get_by_label(re.compile("mystery shopper should check"))
    box.fill("Is the door")
    _expect(box).to_be_focused()
    newer = "Does anyone greet you within a minute?"
    other_box = other.get_by_label(re.compile("mystery shopper should check"))
    other_box.fill(newer)
    other_box.locator("xpath=following-sibling::button[1]").click()
    _expect(typing.get_by_role("button", name=re.compile(re.escape(f"Vote for: {newer}")))
            ).to_be_visible()
    _expect(box).to_be_focused()
    typing.keyboard.type(" wide enough for a pram?")
    _expect(box).to_have_value("Is the door wide enough for a pram?")
