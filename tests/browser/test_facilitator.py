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

from ccexercise.workshop import format_clock, load_run_sheet

import axe
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
    bh.open_page(page, voila_server, f"voila/render/{facilitator}")
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
    # Wait for step 2's own length: the clock is a widget of its own and may be redrawn
    # a moment after the title.
    step2 = load_run_sheet(bh.REPO / Path(facilitator).parent / "run_sheet.md").steps[1]
    full_time = format_clock(step2.seconds)
    _expect(clock).to_have_text(re.compile(rf"^{full_time}"))
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
    # axe-core on the whole page (view "both": every tool of the projector and the presenter)
    report = axe.audit(page, "both", artifacts)
    print(report.summary())
    report.assert_clean()


RUN_SHEET_TITLE = "A step title only the browser test writes"


@pytest.mark.parametrize("facilitator", FACILITATOR_PAGES)
def test_facilitator_page_follows_its_edited_run_sheet(facilitator, page, voila_server,
                                                       course_copy, artifacts):
    """A trainer edits run_sheet.md beside the page and reloads the projector view: the page
    shows the change, and where the room is against the session ("Step 1 of N · 0 of M
    minutes used"); axe-core finds nothing serious on the projector view."""
    sheet = course_copy / Path(facilitator).parent / "run_sheet.md"
    original = sheet.read_text(encoding="utf-8")
    visible = re.sub(r"<!--.*?-->", "", original, flags=re.S)  # notes may show headings too
    heading = next(line for line in visible.splitlines() if line.startswith("## "))
    minutes = heading[heading.rindex("("):]
    try:
        sheet.write_text(original.replace(heading, f"## {RUN_SHEET_TITLE} {minutes}", 1),
                         encoding="utf-8")
        bh.open_page(page, voila_server, f"voila/render/{facilitator}?view=projector")
        meta = page.get_by_text(re.compile(r"^Step \d+ of \d+"))
        _expect(meta).to_have_text(re.compile(r"^Step 1 of \d+ · 0 of \d+(\.\d+)? minutes? used$"),
                                   timeout=bh.KERNEL_TIMEOUT)
        _expect(page.locator(".widget-html h2").first).to_have_text(RUN_SHEET_TITLE)
        page.screenshot(path=str(artifacts / "facilitator-edited-run-sheet.png"))
        report = axe.audit(page, "projector", artifacts)
        print(report.summary())
        report.assert_clean()
    finally:
        sheet.write_text(original, encoding="utf-8")



def test_a_broken_run_sheet_shows_every_mistake_on_the_page(page, voila_server, course_copy,
                                                            artifacts):
    """A trainer's edit breaks the run sheet mid-session: on reload the page names every
    mistake with its line (not Voila's bare "There was an error"); fixed, it works again."""
    from ccexercise.workshop import RunSheetError, load_run_sheet

    facilitator = FACILITATOR_PAGES[0]
    sheet = course_copy / Path(facilitator).parent / "run_sheet.md"
    original = sheet.read_text(encoding="utf-8")
    visible = re.sub(r"<!--.*?-->", "", original, flags=re.S)
    heading = next(line for line in visible.splitlines() if line.startswith("## "))
    broken = original.replace(heading, heading[:heading.rindex("(")] + "(ten min)", 1)
    broken += "\n## Questions from the room\n"           # no minutes, and empty
    try:
        sheet.write_text(broken, encoding="utf-8")
        with pytest.raises(RunSheetError) as caught:
            load_run_sheet(sheet)
        problems = caught.value.problems
        assert len(problems) >= 2
        bh.open_page(page, voila_server, f"voila/render/{facilitator}")
        for problem in problems:
            _expect(page.get_by_text(f"line {problem.line}: {problem.reason}").first
                    ).to_be_visible(timeout=bh.KERNEL_TIMEOUT)
        _expect(page.get_by_text("Traceback")).to_have_count(0)   # the message, no frames
        page.screenshot(path=str(artifacts / "facilitator-broken-run-sheet.png"))
    finally:
        sheet.write_text(original, encoding="utf-8")
    bh.open_page(page, voila_server, f"voila/render/{facilitator}")
    _expect(page.get_by_text(re.compile(r"^Step 1 of \d+"))).to_be_visible(
        timeout=bh.KERNEL_TIMEOUT)

# -- module 03: a whole skit round on the facilitator page --------------------------------

SKIT_PAGE = "course/03_service_levels/facilitator.ipynb"
SKIT_ROOM = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hana", "Ivo"]
#: team, level acted, scene card, the customer's emotions, wish to come back, room's ratings
SKITS = [
    ("Team 1", "Low", ("a shoe shop", "winter boots", "help to find my size"),
     ["irritated", "ignored"], 2, "3, 2, 2"),
    ("Team 2", "Standard", ("a café", "a cappuccino", "a hot coffee, quickly"),
     ["calm"], 6, "6, 5, 7"),
    ("Team 3", "WOW", ("a bakery", "a birthday cake", "the cake ready on time"),
     ["pleasantly surprised", "grateful"], 10, "9, 10, 10"),
]


def _innermost(page, has):
    """The deepest widget box holding ``has`` (ancestors come first in document order)."""
    return page.locator(".widget-vbox").filter(has=has).last


def _type_into(field, text: str) -> None:
    field.click()
    field.press("Control+A")
    field.type(text)
    field.press("Enter")


@pytest.mark.skipif(SKIT_PAGE not in FACILITATOR_PAGES, reason="module 03 has no facilitator page")
def test_skit_round_in_voila(page, voila_server, course_copy, artifacts):
    """Drive a whole skit round as a trainer would: split the room into three teams, start
    the 10-minute preparation timer, show and save each customer's scene card, enter each
    skit's ratings, and see the comparison chart; every rating is in the session file."""
    from ccexercise.skit import RatingSession

    bh.open_page(page, voila_server, f"voila/render/{SKIT_PAGE}")
    meta = page.get_by_text(re.compile(r"^Step \d+ of \d+"))
    _expect(meta).to_have_text(re.compile(r"^Step 1 of 8"), timeout=bh.KERNEL_TIMEOUT)
    deck = page.locator(".widget-vbox").filter(has=meta).filter(
        has=page.get_by_role("button", name="Next")).last

    # Step 2: split the room into three teams.
    deck.get_by_role("button", name="Next").click()
    _expect(deck.locator("h2")).to_have_text("Split into three teams")
    names = page.get_by_placeholder("One name a line, or Ann, Bo, Cy")
    names.fill("\n".join(SKIT_ROOM))
    names.blur()
    board = page.locator(".widget-html", has_text="names in 3 teams")
    _expect(board).to_contain_text("9 names in 3 teams · split number 1")
    from ccexercise.workshop import split_into_teams
    teams = split_into_teams(SKIT_ROOM, 3, seed=1)
    for number, members in enumerate(teams, start=1):
        for person in members:
            _expect(page.locator(".widget-html li", has_text=re.compile(rf"^{person}$"))
                    ).to_have_count(1)
    page.get_by_text("Team 1", exact=True).first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "skit-teams.png"))

    # Step 3: 10 minutes to prepare; start the timer and see it count down.
    deck.get_by_role("button", name="Next").click()
    _expect(deck.locator("h2")).to_have_text("Prepare your scene")
    clock = deck.locator("[role=timer]")
    _expect(clock).to_have_text(re.compile(r"^10:00"))
    deck.get_by_role("button", name="Start").click()
    _expect(clock).to_have_text(re.compile(r"^09:5\d"), timeout=TICK_TIMEOUT)
    deck.get_by_role("button", name="Pause").click()

    card_button = page.get_by_role("button", name="Show and save the card")
    scene_form = _innermost(page, card_button)
    rate_button = page.get_by_role("button", name="Save rating")
    rating_form = _innermost(page, rate_button)
    chart = page.locator("img.widget-image")
    _expect(chart).to_have_count(1)
    pictures = []
    for team, level, (place, purchase, expectation), emotions, back, room in SKITS:
        # The customer's introduction: the scene card, shown large.
        scene_form.locator("select").select_option(team)
        scene_form.get_by_role("button", name=level, exact=True).click()
        scene_form.get_by_placeholder("a shoe shop").fill(place)
        scene_form.get_by_placeholder("winter boots").fill(purchase)
        scene_form.get_by_placeholder("help to find my size").fill(expectation)
        scene_form.get_by_placeholder("help to find my size").blur()
        card_button.click()
        _expect(scene_form).to_contain_text(f"Saved {team}'s card")
        _expect(scene_form).to_contain_text(f"I go to {place} to buy {purchase}. "
                                            f"I expect {expectation}.")
        # After the skit: the customer's emotions, wish to come back and the room's ratings.
        rating_form.locator("select").select_option(team)
        for emotion in emotions:
            rating_form.get_by_role("button", name=emotion, exact=True).click()
        _expect(rating_form).to_contain_text("The customer felt: ")
        slider = rating_form.locator(".widget-slider", has_text="Wish to come back")
        _type_into(slider.locator(".widget-readout"), str(back))
        _expect(slider.locator(".widget-readout")).to_have_text(str(back))
        rating_form.get_by_placeholder("for example 7, 8, 6, 9").fill(room)
        rating_form.get_by_placeholder("for example 7, 8, 6, 9").blur()
        rate_button.click()
        _expect(rating_form).to_contain_text(f"Saved {team}'s rating")
        _expect(chart).to_be_visible()
        if pictures:
            _expect(chart).not_to_have_attribute("src", pictures[-1])
        pictures.append(chart.get_attribute("src"))

    # The debrief: the comparison of the three skits.
    table = page.locator(".widget-html table", has_text="Come back")
    for team, level, _card, _emotions, back, room in SKITS:
        row = table.locator("tr", has_text=team)
        scores = [int(v) for v in room.split(",")]
        _expect(row).to_contain_text(level)
        _expect(row).to_contain_text(f"{sum(scores) / len(scores):.1f} ({len(scores)})")
    _expect(page.get_by_text("3 cards and 3 ratings so far")).to_be_visible()
    chart.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(artifacts / "skit-comparison.png"))

    files = list(course_copy.rglob("skit-ratings-*.csv"))
    assert len(files) == 1, files
    saved = RatingSession(files[0])
    assert [(r.skit, r.come_back) for r in saved.ratings] == [(t, b) for t, _l, _c, _e, b, _r in SKITS]
    assert [(c.skit, c.level) for c in saved.scenes] == [(t, lv) for t, lv, *_ in SKITS]


# -- module 04: the deadline example as a live demonstration ---------------------------

def test_module_04_deadline_example_runs_live_in_voila(page, voila_server, artifacts):
    """On module 04's page the trainer presses the two halves of the deadline example
    and the room sees the sentence, the level and the chart turn round."""
    import ccexercise

    bh.open_page(page, voila_server, "voila/render/course/04_satisfaction_formula/facilitator.ipynb")
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


def test_case_card_dealer_in_voila(page, voila_server, artifacts):
    """Module 06's page in Voila: deal a card, the manager view hides its reason; a
    deliberate two-click switch shows it; mark a guess, reveal the reason and the signals."""
    from ccexercise.cards import load_deck

    bh.open_page(page, voila_server, "voila/render/course/06_guess_what_he_dislikes/facilitator.ipynb")
    deal = page.get_by_role("button", name="Deal a card")
    _expect(deal).to_be_visible(timeout=bh.KERNEL_TIMEOUT)
    dealer = page.locator(".widget-vbox").filter(has=deal).filter(
        has=page.get_by_role("button", name="Reveal")).last
    deal.click()
    title = dealer.locator(".cc-card-title").first
    _expect(title).not_to_have_text("")
    card = next(c for c in load_deck("dislike") if c.title == title.inner_text().strip())
    body = page.locator("body")
    assert card.hidden_reason not in body.inner_text()
    assert card.hidden_reason not in page.content()
    page.screenshot(path=str(artifacts / "facilitator-dealer-manager-view.png"))

    dealer.get_by_role("button", name="Customer's card").click()
    _expect(dealer.get_by_text("Is the projector off or turned away?")).to_be_visible()
    assert card.hidden_reason not in body.inner_text()
    dealer.get_by_role("button", name="Cancel").click()

    dealer.locator("textarea").fill("the manager's guess")
    dealer.get_by_role("button", name="Partly found").click()
    dealer.get_by_role("button", name="Reveal").click()
    _expect(dealer.get_by_text(card.hidden_reason)).to_be_visible()
    for signal in card.signals:
        _expect(dealer.get_by_text(signal, exact=True).first).to_be_visible()
    page.screenshot(path=str(artifacts / "facilitator-dealer-revealed.png"))


def test_nps_room_poll_takes_the_rooms_scores_in_voila(page, voila_server, artifacts):
    """Module 05: type the room's scores into the poll; the big NPS appears and a bad
    entry is listed, not dropped."""
    bh.open_page(page, voila_server, "voila/render/course/05_nps/facilitator.ipynb")
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


def test_sorter_and_vote_counter_in_voila(page, voila_server, artifacts):
    """Module 00 without phones: type the hands for one statement into the vote counter (the
    leader is named in words) and click the answer in the sorter (it says "Right" and why)."""
    bh.open_page(page, voila_server, "voila/render/course/00_what_is_customer_focus/facilitator.ipynb")
    counter = page.locator(".widget-inline-hbox", has_text="Not customer focus").locator("input")
    _expect(counter).to_be_visible(timeout=bh.KERNEL_TIMEOUT)
    counter.fill("7")
    counter.press("Tab")
    _expect(page.locator(".widget-html", has_text="Most votes: Not customer focus (7 of 7)")
            ).to_be_visible()
    page.get_by_role("button", name="Not customer focus").click()
    _expect(page.locator(".widget-html", has_text="Right.")).to_contain_text(
        "One month is a promotion, not a system.")
    page.screenshot(path=str(artifacts / "facilitator-sorter.png"), full_page=True)


def test_mystery_shop_checklist_builder_in_voila(page, voila_server, artifacts, tmp_path):
    """Module 08's page in Voila, without phones: type two of the room's ideas, tick the
    fruit stall's paying stage, and print the checklist; the PDF is written and the page
    says how many pages and points it has."""
    bh.open_page(page, voila_server, "voila/render/course/08_listening_to_customers/facilitator.ipynb")
    add = page.get_by_role("button", name="Add point")
    _expect(add).to_be_visible(timeout=bh.KERNEL_TIMEOUT)
    builder = page.locator(".widget-vbox").filter(has=add).filter(
        has=page.get_by_role("button", name="Print the checklist (PDF)")).last
    ideas = builder.locator("textarea")
    ideas.fill("Is the door easy to open with full hands?\nAre the toilets clean?")
    ideas.press("Tab")  # the box reports when it loses focus
    preview = builder.locator(".widget-html", has_text="Ideas from the room").last
    _expect(preview).to_contain_text("Are the toilets clean?")
    builder.get_by_text("Fruit stall: paying", exact=False).click()
    _expect(preview).to_contain_text("Can you pay in cash, by card and by phone?")
    target = tmp_path / "room_checklist.pdf"
    path_box = builder.get_by_label("Save the PDF as")
    path_box.fill(str(target))
    path_box.press("Enter")
    builder.get_by_role("button", name="Print the checklist (PDF)").click()
    # 9 wholesale stages (20 points) + the fruit stall's paying (1) + 2 ideas = 23 points.
    _expect(builder.get_by_text(re.compile(r"Wrote .*room_checklist\.pdf.*2 A4 pages "
                                           r"\(11 stages, 23 points\)"))).to_be_visible()
    assert target.read_bytes()[:5] == b"%PDF-"
    builder.get_by_role("button", name="Add point").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "facilitator-checklist-builder.png"))


def test_why_customers_leave_typed_reasons_and_game_in_voila(page, voila_server, artifacts):
    """Module 02 without phones: type the paper answers to question 3 into the group's list
    (one per line); the ranked list appears, and a line that cannot be used is listed,
    not dropped. Then the harmful-advice game answers in words on the projector."""
    bh.open_page(page, voila_server, "voila/render/course/02_why_customers_leave/facilitator.ipynb")
    reasons = page.locator(".widget-vbox").filter(
        has=page.get_by_text("The group's list of reasons", exact=True)).last
    box = reasons.get_by_placeholder("one answer per line")
    _expect(box).to_be_visible(timeout=bh.KERNEL_TIMEOUT)
    box.fill("Nobody greeted me\nrude assistant\nnobody greeted me\n" + "x" * 300)
    box.press("Tab")  # the box sends its text when it loses focus
    _expect(reasons.get_by_text("Nobody greeted me (×2)")).to_be_visible()
    _expect(reasons.get_by_text("rude assistant (×1)")).to_be_visible()
    _expect(reasons.get_by_text(re.compile(r"line 4 x+…: the answer is 300 characters long"))) \
        .to_be_visible()
    reasons.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "facilitator-typed-reasons.png"))

    game = page.locator(".widget-vbox").filter(
        has=page.get_by_role("button", name="Harmful")).last
    game.scroll_into_view_if_needed()
    game.get_by_role("button", name="Harmful").click()
    _expect(game.get_by_text("Right:", exact=False)).to_be_visible()
    page.screenshot(path=str(artifacts / "facilitator-harmful-advice.png"))


# -- the keyboard only: module 01's page ---------------------------------------------------

_FOCUSED = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
  const style = getComputedStyle(e);
  return {tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || '',
          name: (e.getAttribute('aria-label') || e.innerText || e.title || e.id || '').trim()
                  .slice(0, 60),
          outline: parseFloat(style.outlineWidth) || 0, outlineStyle: style.outlineStyle}; }"""


def test_keyboard_walk_through_a_facilitator_page(page, voila_server, artifacts):
    """Module 01's page with the keyboard only: Tab reaches the step deck's buttons, the
    timer's and every slider (each named after its label) in page order, each with a
    visible focus ring; Enter on Next moves the step, Space on Start runs the clock, and an
    arrow key moves a slider and the calculator's words follow."""
    bh.open_page(page, voila_server, "voila/render/course/01_lost_customer_cost/facilitator.ipynb")
    meta = page.get_by_text(re.compile(r"^Step \d+ of \d+"))
    _expect(meta).to_have_text(re.compile(r"^Step 1 of \d+"), timeout=bh.KERNEL_TIMEOUT)
    _expect(page.locator(".noUi-handle[aria-label]")).to_have_count(4)

    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None or (order and focused == order[0]):
            break
        order.append(focused)
    names = [f["name"] for f in order]
    print("Tab order:", [(f["role"] or f["tag"], f["name"]) for f in order])
    (artifacts / "tab-order.txt").write_text(
        "\n".join(f"{f['role'] or f['tag']}: {f['name']}" for f in order) + "\n")
    for wanted in ("Next", "Start", "What they buy in the first year", "Profit margin"):
        assert any(n.startswith(wanted) for n in names), f"Tab never reaches {wanted!r}: {names}"
    # the page's order: the step (its timer above its navigation), then the calculator
    first = {w: next(i for i, n in enumerate(names) if n.startswith(w))
             for w in ("Start", "Next", "What they buy in the first year",
                       "Extra spending each year", "Years they would have stayed",
                       "Profit margin")}
    assert list(first.values()) == sorted(first.values()), f"focus order: {first}"
    sliders = [f for f in order if f["role"] == "slider"]
    assert sliders and all(f["name"] for f in sliders), sliders
    unseen = [f for f in order if f["outline"] < 3 or f["outlineStyle"] == "none"]
    assert not unseen, f"focus not visible on {unseen}"

    def tab_to(name: str) -> None:
        for _ in range(len(order) + 2):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED)
            if focused and focused["name"].startswith(name):
                return
        raise AssertionError(f"Tab does not reach {name!r}")

    tab_to("Next")
    page.keyboard.press("Enter")
    _expect(meta).to_have_text(re.compile(r"^Step 2 of \d+"))
    deck = page.locator(".widget-vbox").filter(has=meta).filter(
        has=page.get_by_role("button", name="Next")).last
    clock = deck.locator("[role=timer]")
    full_time = format_clock(load_run_sheet(
        bh.REPO / "course/01_lost_customer_cost/run_sheet.md").steps[1].seconds)
    _expect(clock).to_have_text(re.compile(rf"^{full_time}"))  # step 2's own length
    tab_to("Start")
    page.keyboard.press("Space")
    _expect(clock).not_to_have_text(re.compile(rf"^{full_time}"), timeout=TICK_TIMEOUT)
    page.screenshot(path=str(artifacts / "keyboard-timer-running.png"))

    summary = page.locator(".widget-html", has_text="Losing this customer costs")
    before = summary.inner_text()
    tab_to("Years they would have stayed")
    page.keyboard.press("ArrowRight")
    _expect(summary).not_to_have_text(before)
    _expect(summary).to_contain_text("over 6 years")
    page.screenshot(path=str(artifacts / "keyboard-slider-moved.png"))
