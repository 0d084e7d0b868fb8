"""Every module's lesson in JupyterLab, as a learner uses it: Run All, no errors, every
widget drawn, and one real interaction with the module's main widget.

Pages are found by glob (``course/*/lesson.ipynb``), so a new module's lesson is
covered at once; its interaction goes in ``INTERACTIONS`` (a test fails until it does).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import axe
import browser_helpers as bh
import ccexercise
from ccexercise import views

LESSONS = bh.pages("lesson.ipynb")


def _expect(*args, **kwargs):
    from playwright.sync_api import expect
    return expect(*args, **kwargs)


# -- module-specific interactions --------------------------------------------------------

def _chart_title(cost) -> str:
    """The title the calculator's chart draws, made the way the widget makes it."""
    return views.lost_revenue_live_chart(cost).title


def _picture(page, image) -> str:
    """The SVG an ``<img>`` widget shows (its ``src`` is a blob or data URL)."""
    return page.evaluate("src => fetch(src).then(r => r.text())", image.get_attribute("src"))


def lost_customer_calculator(page, artifacts: Path) -> None:
    """Set the calculator's "Years" slider from 5 to 10 (type into its readout, Enter:
    the sliders only report on release/commit) and check the sentence, the chart's
    title and the chart picture all change to the 10-year figures."""
    years = page.locator(".widget-slider", has_text="Years they would have stayed")
    calculator = page.locator(".jp-OutputArea-output").filter(has=years)
    _expect(calculator).to_have_count(1)
    calculator.scroll_into_view_if_needed()
    summary = calculator.locator(".widget-html", has_text="Losing this customer costs")
    chart = calculator.locator("img.widget-image")

    before = ccexercise.lost_revenue(10_000, growth_per_year=2_000, years=5, margin=0.2)
    _expect(summary).to_have_text(before.summary())
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    assert f">{_chart_title(before)}</text>" in _picture(page, chart)
    old_picture = chart.get_attribute("src")

    readout = years.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("10")
    page.keyboard.press("Enter")

    after = ccexercise.lost_revenue(10_000, growth_per_year=2_000, years=10, margin=0.2)
    assert after.revenue == 190_000
    _expect(readout).to_have_text("10")
    _expect(summary).to_have_text(after.summary())
    _expect(chart).not_to_have_attribute("src", old_picture)
    assert f">{_chart_title(after)}</text>" in _picture(page, chart)  # '... 10 years: 190,000'
    bh.wait_for_kernel_idle(page)
    # The viewport, not the element: the notebook scrolls in its own container, and an
    # element screenshot taller than it comes out half grey.
    calculator.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-calculator.png"))


def maturity_self_assessment(page, artifacts: Path) -> None:
    """Tick statements of the service-maturity self-assessment and check that the sentence,
    the chart's title and the chart picture move from "no stage" to stage 1 and then 2."""
    statements = [statement for _stage, statement in ccexercise.MATURITY_STATEMENTS]
    first = page.locator(".widget-checkbox", has_text=statements[0])
    widget = page.locator(".jp-OutputArea-output").filter(has=first)
    _expect(widget).to_have_count(1)
    widget.scroll_into_view_if_needed()
    summary = widget.locator(".widget-html", has_text="You reached")
    chart = widget.locator("img.widget-image")
    _expect(summary).to_have_text(ccexercise.maturity_stage([False] * 9).summary())
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    pictures = [chart.get_attribute("src")]

    ticked = [False] * 9
    for index, stage in ((0, 1), (1, 1), (3, 2), (4, 2)):  # two statements each of stages 1, 2
        widget.locator(".widget-checkbox", has_text=statements[index]).locator("input").check()
        ticked[index] = True
        expected = ccexercise.maturity_stage(ticked)
        _expect(summary).to_have_text(expected.summary())
        if index in (1, 4):  # a stage was just reached: the chart's title says so
            assert expected.stage.number == stage
            _expect(chart).not_to_have_attribute("src", pictures[-1])
            pictures.append(chart.get_attribute("src"))
    assert "Stage 2: Solving problems" in summary.inner_text()
    bh.wait_for_kernel_idle(page)
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-maturity.png"))
def satisfaction_sliders(page, artifacts: Path) -> None:
    """Module 04: type 7 into the "What the customer got" readout of the two-slider widget
    (expected 6, got 4) and check the level turns from Low to WOW in words, the sum and the
    chart change; then press "Promise 3, deliver in 5" on the promise simulator and check
    its sentence says the customer is let down."""
    got = page.locator(".widget-slider", has_text="What the customer got")
    sliders = page.locator(".jp-OutputArea-output").filter(has=got)
    _expect(sliders).to_have_count(1)
    sliders.scroll_into_view_if_needed()
    badge = sliders.locator(".widget-html", has_text="expectations")
    summary = sliders.locator(".widget-html", has_text="Satisfaction = perceived")
    chart = sliders.locator("img.widget-image")
    _expect(badge).to_contain_text("Low")
    _expect(badge).to_contain_text(ccexercise.ServiceLevel.LOW.meaning)
    _expect(summary).to_have_text("Satisfaction = perceived - expected = 4 - 6 = -2.")
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    old_picture = chart.get_attribute("src")

    readout = got.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    page.keyboard.press("Enter")

    assert ccexercise.service_level(ccexercise.satisfaction(7, 6)) is ccexercise.ServiceLevel.WOW
    _expect(readout).to_have_text("7")
    _expect(badge).to_contain_text("WOW")
    _expect(badge).to_contain_text(ccexercise.ServiceLevel.WOW.meaning)
    _expect(summary).to_have_text("Satisfaction = perceived - expected = 7 - 6 = +1.")
    _expect(chart).not_to_have_attribute("src", old_picture)
    bh.wait_for_kernel_idle(page)
    sliders.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-satisfaction-sliders.png"))

    late = page.get_by_role("button", name="Promise 3, deliver in 5")
    simulator = page.locator(".jp-OutputArea-output").filter(has=late)
    simulator.scroll_into_view_if_needed()
    sentence = simulator.locator(".widget-html", has_text="Promised")
    _expect(sentence).to_have_text(
        ccexercise.promise_vs_delivery(promised=5, delivered=3).summary())
    late.click()
    _expect(sentence).to_have_text(
        ccexercise.promise_vs_delivery(promised=3, delivered=5).summary())
    bh.wait_for_kernel_idle(page)
    simulator.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-promise-simulator.png"))


def case_card_dealer(page, artifacts: Path) -> None:
    """Deal a card in the lesson's dealer (seed 6): the manager view shows its title but not
    its hidden reason; type a guess, mark it Found, Reveal (the reason appears), Save round
    (the score reads 1 out of 1 round)."""
    from ccexercise.cards import Dealer, load_deck

    card = Dealer(load_deck("dislike"), seed=6).deal()
    deal = page.get_by_role("button", name="Deal a card")
    dealer = page.locator(".jp-OutputArea-output").filter(has=deal)
    _expect(dealer).to_have_count(1)
    dealer.scroll_into_view_if_needed()
    deal.click()
    _expect(dealer.get_by_text(card.title)).to_be_visible()
    assert card.hidden_reason not in dealer.inner_text()
    assert card.signals[0] not in dealer.inner_text()
    dealer.locator("textarea").fill("something about the wait")
    dealer.get_by_role("button", name="Found", exact=True).click()
    reveal = dealer.get_by_role("button", name="Reveal")
    _expect(reveal).to_be_enabled()
    reveal.click()
    _expect(dealer.get_by_text(card.hidden_reason)).to_be_visible()
    dealer.get_by_role("button", name="Save round").click()
    _expect(dealer.get_by_text(re.compile(r"Score: 1\s*out of 1 round"))).to_be_visible()
    bh.wait_for_kernel_idle(page)
    dealer.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-case-card-dealer.png"))


def nps_explorer(page, artifacts: Path) -> None:
    """Module 05: type 150 into the explorer's "Promoters" readout (Enter) and check that
    the NPS sentence, its interval and the chart picture all change to 150/60/40."""
    explorer = page.locator(".jp-OutputArea-output").filter(has_text="Adjusted Wald")
    _expect(explorer).to_have_count(1)
    explorer.scroll_into_view_if_needed()
    promoters = explorer.locator(".widget-slider", has_text="Promoters (9-10)")
    summary = explorer.locator(".widget-html", has_text="answers").first
    chart = explorer.locator("img.widget-image").first

    low, high = ccexercise.nps_interval_from_counts(100, 60, 40)
    _expect(summary).to_contain_text(re.compile(r"NPS \+30\.0.*" + re.escape(f"{low:+.1f} to {high:+.1f}")))
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    old_picture = chart.get_attribute("src")

    readout = promoters.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("150")
    page.keyboard.press("Enter")

    after = ccexercise.NpsCounts(150, 60, 40)
    assert after.nps == 44.0  # (150 - 40) / 250
    low, high = after.interval()
    _expect(readout).to_have_text("150")
    _expect(summary).to_contain_text(re.compile(r"NPS \+44\.0.*" + re.escape(f"{low:+.1f} to {high:+.1f}")))
    _expect(chart).not_to_have_attribute("src", old_picture)
    bh.wait_for_kernel_idle(page)
    explorer.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-nps-explorer.png"))


def visit_entry(page, artifacts: Path) -> None:
    """Module 08: in the visit entry, mark the website's first point "Problem" and its
    second "Fine": the sentence names the website as the weakest stage and the chart of
    the stages appears, with the website's numbers in words beneath it."""
    bh.wait_for_kernel_idle(page)
    visit = page.locator(".jp-OutputArea-output").filter(
        has=page.get_by_role("button", name="Not checked", exact=True))
    _expect(visit).to_have_count(1)
    _expect(visit.get_by_text("Nothing was checked yet.")).to_be_visible()
    visit.scroll_into_view_if_needed()
    chart = visit.locator("img.widget-image")
    visit.get_by_role("button", name="Problem", exact=True).nth(0).click()
    visit.get_by_role("button", name="Fine", exact=True).nth(1).click()
    checklist = ccexercise.mystery_shop_checklist()
    result = ccexercise.score_visit(checklist, {"website": ["problem", "fine", "skip"]})
    assert result.summary() == "1 of 2 points checked were a problem. Start with: Website."
    _expect(visit.locator(".widget-html", has_text="Start with")).to_have_text(result.summary())
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    assert ">Website<" in _picture(page, chart)
    _expect(visit.get_by_text("Website: 1 of 2 fine, 1 problem")).to_be_visible()
    bh.wait_for_kernel_idle(page)
    visit.get_by_text("Website: 1 of 2 fine, 1 problem").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-visit-entry.png"))


def harmful_advice_game(page, artifacts: Path) -> None:
    """Module 02: in the first harmful-advice game, write what to do instead, call the first
    statement "Helpful" (wrong: the feedback says so in words), then "Harmful" (right: what
    is wrong and what to do instead appear, with the learner's own words), then Next shows
    the second statement. Then switch the Pareto explorer's bars to lost revenue: the
    sentence and the chart picture change."""
    cards = ccexercise.advice_cards()
    game = page.locator(".jp-OutputArea-output").filter(
        has=page.get_by_role("button", name="Harmful")).first
    game.scroll_into_view_if_needed()
    _expect(game.get_by_text(cards[0].statement)).to_be_visible()
    game.locator("textarea").fill("Say hello and let them look")
    game.get_by_role("button", name="Helpful").click()
    _expect(game.get_by_text("Not quite: this advice is harmful.", exact=False)).to_be_visible()
    game.get_by_role("button", name="Harmful").click()
    _expect(game.get_by_text(cards[0].do_instead, exact=False)).to_be_visible()
    _expect(game.get_by_text("Say hello and let them look")).to_be_visible()  # "You wrote: ..."
    _expect(game.get_by_text("You judged 1 of 1 statement right.")).to_be_visible()
    bh.wait_for_kernel_idle(page)
    game.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-harmful-advice.png"))
    game.get_by_role("button", name="Next").click()
    _expect(game.get_by_text(cards[1].statement)).to_be_visible()
    _expect(game.locator("textarea")).to_have_value("")

    explorer = page.locator(".jp-OutputArea-output").filter(has_text="Bars show")
    _expect(explorer).to_have_count(1)
    explorer.scroll_into_view_if_needed()
    chart = explorer.locator("img.widget-image")
    _expect(explorer.get_by_text("5 of 8 reasons make up 80% of those who left")).to_be_visible()
    old_picture = chart.get_attribute("src")
    explorer.get_by_role("button", name="Lost revenue").click()
    _expect(explorer.get_by_text("5 of 8 reasons make up 80% of lost revenue")).to_be_visible()
    _expect(chart).not_to_have_attribute("src", old_picture)
    assert ">5 of 8 reasons make up 80% of lost revenue</text>" in _picture(page, chart)
    bh.wait_for_kernel_idle(page)
    explorer.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-pareto-explorer.png"))


#: module slug -> the interaction on that module's main lesson widget.
def statement_sorter(page, artifacts: Path) -> None:
    """Module 00: click "Customer focus (level 1)" for the sorter's first statement (a
    one-off promotion month) and check the feedback says "Not quite" in words, with the
    right verdict and its reason; then move the self-check's "Open leaders" slider to 1 and
    check the summary and the profile chart change."""
    first = ccexercise.sorter_statements()[0]
    sorter = page.locator(".jp-OutputArea-output").filter(
        has=page.locator(".widget-button", has_text="Next statement"))
    _expect(sorter).to_have_count(1)
    sorter.scroll_into_view_if_needed()
    _expect(sorter.locator(".widget-html", has_text="Statement 1 of 10")).to_have_count(1)
    sorter.get_by_role("button", name="Customer focus (level 1)").click()
    feedback = sorter.locator(".widget-html", has_text="Not quite")
    _expect(feedback).to_contain_text("you chose Customer focus (level 1). It is Not "
                                      "customer focus.")
    _expect(feedback).to_contain_text(first.reason)
    _expect(sorter.locator(".widget-html", has_text="1 of 10 sorted · 0 right")).to_have_count(1)
    bh.wait_for_kernel_idle(page)
    sorter.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-sorter.png"))

    leaders = page.locator(".widget-slider", has_text="Open leaders")
    check = page.locator(".jp-OutputArea-output").filter(has=leaders)
    _expect(check).to_have_count(1)
    check.scroll_into_view_if_needed()
    summary = check.locator(".widget-html", has_text="of 5")
    chart = check.locator("img.widget-image")
    _expect(summary).to_have_text(ccexercise.principles_profile([3] * 9).summary())
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    old_picture = chart.get_attribute("src")
    readout = leaders.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    after = ccexercise.principles_profile([3, 3, 3, 1, 3, 3, 3, 3, 3])
    _expect(summary).to_have_text(after.summary())
    _expect(chart).not_to_have_attribute("src", old_picture)
    assert f">{views.principles_live_chart(after).title}</text>" in _picture(page, chart)
    bh.wait_for_kernel_idle(page)
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-principles.png"))


def soco_self_assessment(page, artifacts: Path) -> None:
    """Module 07: answer all 24 dropdowns of the self-assessment with 5 and check the score
    (120) and the chart appear; then set statement 1 (customer-oriented) to 9 and statement 2
    (selling-oriented) to 9 and check the sentence and the chart follow (120 + 4 - 4)."""
    first = page.locator(".widget-dropdown", has_text="Statement 1")
    form = page.locator(".jp-OutputArea-output").filter(has=first)
    _expect(form).to_have_count(1)
    form.scroll_into_view_if_needed()
    summary = form.locator(".widget-html", has_text="still to answer")
    _expect(summary).to_have_text(re.compile("24 statements still to answer"))
    selects = form.locator(".widget-dropdown select")
    _expect(selects).to_have_count(24)
    for k in range(24):
        selects.nth(k).select_option(label="5 sometimes")
    fives = {code: 5 for code in ccexercise.SOCO_CODES}
    score = form.locator(".widget-html", has_text="Score ")
    _expect(score).to_have_text(ccexercise.soco_score(fives).summary())
    chart = form.locator("img.widget-image")
    _expect(chart).to_have_attribute("src", re.compile(r"."))
    old_picture = chart.get_attribute("src")

    selects.nth(0).select_option(label="9 always")    # statement 1: c01, customer-oriented
    changed = {**fives, ccexercise.SOCO_STATEMENTS[0].code: 9}
    _expect(score).to_have_text(ccexercise.soco_score(changed).summary())  # 124
    selects.nth(1).select_option(label="9 always")    # statement 2: selling-oriented
    changed[ccexercise.SOCO_STATEMENTS[1].code] = 9
    assert ccexercise.soco_score(changed).score == 120
    _expect(score).to_have_text(ccexercise.soco_score(changed).summary())
    _expect(chart).not_to_have_attribute("src", old_picture)
    bh.wait_for_kernel_idle(page)
    score.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lesson-soco.png"))


INTERACTIONS = {
    "01_lost_customer_cost": lost_customer_calculator,
    "03_service_levels": maturity_self_assessment,
    "04_satisfaction_formula": satisfaction_sliders,
    "06_guess_what_he_dislikes": case_card_dealer,
    "05_nps": nps_explorer,
    "00_what_is_customer_focus": statement_sorter,
    "08_listening_to_customers": visit_entry,
    "02_why_customers_leave": harmful_advice_game,
    "07_soco_self_assessment": soco_self_assessment,
}


@pytest.mark.parametrize("module", bh.modules())
def test_every_module_has_a_lesson_interaction(module):
    assert module in INTERACTIONS, (
        f"module {module} has no browser interaction: add a function for its main widget "
        f"to INTERACTIONS in {Path(__file__).name}")


# -- the lessons ---------------------------------------------------------------------

@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_in_jupyterlab_and_its_widget_responds(lesson, page, lab_server, artifacts):
    bh.open_in_lab(page, lab_server, lesson)
    bh.wait_for_kernel_idle(page)
    seconds = bh.run_all_cells(page)
    print(f"{lesson}: Run All took {seconds:.1f} s")

    assert bh.error_outputs(page) == [], f"{lesson} shows errors after Run All"
    assert page.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0
    # A widget view's output is the one kind without a data-mime-type; each must hold a
    # drawn widget, and no widget may have fallen back to its text form ("VBox(children=").
    views = page.locator(".jp-OutputArea-output:not([data-mime-type])")
    assert views.count() > 0, f"{lesson} shows no widget"
    _expect(views.filter(has=page.locator(".jupyter-widgets"))).to_have_count(views.count())
    _expect(page.locator('.jp-OutputArea-output[data-mime-type="text/plain"]',
                         has_text=re.compile(r"^\w+\(children="))).to_have_count(0)
    for placeholder in ("Error displaying widget", "Loading widget..."):
        _expect(page.get_by_text(placeholder)).to_have_count(0)

    interact = INTERACTIONS.get(bh.module_of(lesson))
    if interact is None:
        pytest.fail(f"no interaction for {bh.module_of(lesson)} in INTERACTIONS")
    interact(page, artifacts)
    assert bh.error_outputs(page) == [], f"{lesson} shows errors after the interaction"
    # axe-core on the notebook after its cells ran (JupyterLab's own markup: the allow-list)
    report = axe.audit(page, "lesson", artifacts)
    print(report.summary())
    report.assert_clean()
