"""Tests for ccexercise.widgets.workshop: the countdown Timer and the StepDeck.

Time is moved on by setting ``timer.play.value`` (in a browser the Play
widget adds one a second); buttons are pressed with ``.click()``.
"""

import re

import ipywidgets as widgets
import pytest

from ccexercise.widgets import StepDeck, Timer
from ccexercise.widgets.style import TIME_UP_COLOUR
from ccexercise.workshop import RunSheetError, WorkshopStep, format_clock, load_run_sheet


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


@pytest.fixture
def timer():
    """A five-minute timer."""
    return Timer(5)


class TestTimer:
    def test_is_vbox(self, timer):
        """A Timer is a VBox holding its clock, buttons and Play."""
        assert isinstance(timer, widgets.VBox)
        assert timer.clock in timer.children and timer.play in timer.children

    def test_play_counts_seconds_in_browser(self, timer):
        """The Play widget steps by one each 1000 ms, from 0 to the full time, no repeat."""
        play = timer.play
        assert isinstance(play, widgets.Play)
        assert (play.interval, play.step, play.min, play.max) == (1000, 1, 0, 5 * 60)
        assert play.repeat is False and play.playing is False
        assert play.layout.display == "none"  # our own big buttons drive it

    def test_starts_full(self, timer):
        """A new timer shows the full time and is not playing."""
        assert timer.clock_text == "05:00"
        assert ">05:00<" in timer.clock.value
        assert (timer.seconds, timer.remaining, timer.finished) == (300, 300, False)

    def test_big_clock(self, timer):
        """The clock digits are large (4em) and dark."""
        assert "font-size: 4em" in timer.clock.value
        assert "#1A1A1A" in timer.clock.value

    def test_fractional_minutes(self):
        """2.5 minutes is 150 seconds, shown as 02:30."""
        timer = Timer(2.5)
        assert (timer.seconds, timer.clock_text) == (150, "02:30")

    def test_start_button(self, timer):
        """Start sets the Play going and swaps which buttons are usable."""
        timer.start_button.click()
        assert timer.play.playing is True
        assert timer.start_button.disabled and not timer.pause_button.disabled

    def test_pause_button(self, timer):
        """Pause stops the Play; Start is usable again."""
        timer.start_button.click()
        timer.play.value = 10
        timer.pause_button.click()
        assert timer.play.playing is False
        assert timer.play.value == 10
        assert not timer.start_button.disabled and timer.pause_button.disabled

    def test_pause_disabled_when_stopped(self, timer):
        """Before starting, Pause and Reset have nothing to do."""
        assert timer.pause_button.disabled and timer.reset_button.disabled
        assert not timer.start_button.disabled

    @pytest.mark.parametrize("elapsed", [1, 59, 60, 61, 299])
    def test_ticks(self, timer, elapsed):
        """After each tick the clock shows the full time minus the elapsed seconds."""
        timer.start_button.click()
        timer.play.value = elapsed
        assert timer.remaining == 300 - elapsed
        assert timer.clock_text == format_clock(300 - elapsed)
        assert f">{format_clock(300 - elapsed)}<" in timer.clock.value
        assert "Time's up" not in timer.clock.value

    def test_ticks_one_by_one(self, timer):
        """Ticking through a minute counts down 05:00, 04:59 ... 04:00."""
        timer.start_button.click()
        seen = []
        for second in range(1, 61):
            timer.play.value = second
            seen.append(timer.clock_text)
        assert seen[0] == "04:59" and seen[-1] == "04:00"
        assert len(set(seen)) == 60

    def test_finishes(self, timer):
        """At the full time the clock turns red, says Time's up and stops."""
        timer.start_button.click()
        timer.play.value = 300
        assert timer.finished
        assert timer.clock_text == "00:00"
        assert "Time's up" in timer.clock.value
        assert TIME_UP_COLOUR in timer.clock.value
        assert timer.play.playing is False

    def test_start_disabled_when_finished(self, timer):
        """Once time is up, Start does nothing until Reset."""
        timer.play.value = 300
        assert timer.start_button.disabled
        timer.start()
        assert timer.play.playing is False
        assert not timer.reset_button.disabled

    def test_reset_button(self, timer):
        """Reset stops the clock and puts the full time back, in dark text."""
        timer.start_button.click()
        timer.play.value = 300
        timer.reset_button.click()
        assert timer.play.value == 0 and timer.play.playing is False
        assert timer.clock_text == "05:00"
        assert "Time's up" not in timer.clock.value
        assert TIME_UP_COLOUR not in timer.clock.value
        assert not timer.start_button.disabled

    def test_reset_while_running(self, timer):
        """Reset during a countdown stops it."""
        timer.start_button.click()
        timer.play.value = 42
        timer.reset_button.click()
        assert (timer.play.playing, timer.remaining) == (False, 300)

    def test_reset_to_new_length(self, timer):
        """reset(minutes) changes the length of the countdown."""
        timer.play.value = 200
        timer.reset(2)
        assert (timer.minutes, timer.seconds, timer.clock_text) == (2, 120, "02:00")
        assert timer.play.max == 120 and timer.play.value == 0

    def test_browser_stop_is_reflected(self, timer):
        """If the browser stops the Play, the buttons follow."""
        timer.start_button.click()
        timer.play.playing = False
        assert not timer.start_button.disabled and timer.pause_button.disabled

    @pytest.mark.parametrize(("minutes", "kind", "message"), [
        (0, ValueError, "minutes must be more than 0, got 0"),
        (-1, ValueError, "minutes must be more than 0, got -1"),
        ("5", TypeError, "minutes must be a number, got '5' (a str)"),
    ])
    def test_bad_minutes(self, minutes, kind, message):
        """Minutes follow the same rules as a workshop step's."""
        with raises(kind, message):
            Timer(minutes)


STEPS = [
    WorkshopStep("Welcome", 5, "Hello, **everyone**.", prompts=("Who is your customer?",)),
    WorkshopStep("Skit", 10, "- one buyer\n- one seller",
                 prompts=("What went well?", "What would WOW look like?")),
    WorkshopStep("Wrap-up", 2.5, "<p>Thank you.</p>"),
]


@pytest.fixture
def deck():
    """A three-step deck."""
    return StepDeck(STEPS)


class TestStepDeck:
    def test_is_vbox_with_parts(self, deck):
        """A StepDeck is a VBox that shows its title, body, prompts and timer."""
        assert isinstance(deck, widgets.VBox)
        for part in (deck.meta, deck.title, deck.body, deck.prompts, deck.timer):
            assert part in deck.children

    def test_starts_on_first_step(self, deck):
        """The first step is shown first."""
        assert deck.index == 0 and deck.step is STEPS[0]
        assert ">Welcome</h2>" in deck.title.value

    def test_meta_line(self, deck):
        """Without a session length the meta line counts against all the steps (5+10+2.5)."""
        assert ">Step 1 of 3 · 0 of 17.5 minutes used<" in deck.meta.value
        deck.index = 2
        assert ">Step 3 of 3 · 15 of 17.5 minutes used<" in deck.meta.value

    def test_meta_line_against_the_session(self):
        """With a session length the minutes before this step count against it."""
        deck = StepDeck(STEPS, session_minutes=30)
        deck.next_button.click()
        assert ">Step 2 of 3 · 5 of 30 minutes used<" in deck.meta.value

    def test_one_minute_singular(self):
        """One minute is singular."""
        assert "Step 1 of 1 · 0 of 1 minute used<" in StepDeck([WorkshopStep("A", 1, "b")]).meta.value

    @pytest.mark.parametrize(("minutes", "kind", "message"), [
        (0, ValueError, "session_minutes must be more than 0, got 0"),
        ("30", TypeError, "session_minutes must be a number, got '30' (a str)"),
    ])
    def test_bad_session_minutes(self, minutes, kind, message):
        """The session length must be a positive number."""
        with raises(kind, message):
            StepDeck(STEPS, session_minutes=minutes)

    def test_materials_shown_only_when_a_step_has_some(self):
        """Materials are listed under 'You need:'; a step without them shows nothing."""
        deck = StepDeck([WorkshopStep("Skit", 5, "Act.", materials=["Flip chart", "Pens & paper"]),
                         WorkshopStep("Talk", 5, "Discuss.")])
        assert "You need:" in deck.materials.value
        assert "Flip chart, Pens &amp; paper" in deck.materials.value
        deck.next()
        assert deck.materials.value == ""

    def test_big_title(self, deck):
        """The title is large and dark."""
        assert "font-size: 2.6em" in deck.title.value and "#1A1A1A" in deck.title.value

    def test_body_rendered(self, deck):
        """The body is the step's HTML."""
        assert STEPS[0].body_html() in deck.body.value
        assert "<strong>everyone</strong>" in deck.body.value

    def test_prompts_numbered(self, deck):
        """Prompts are a numbered list under 'Discuss'."""
        deck.index = 1
        assert "<ol>" in deck.prompts.value and "Discuss" in deck.prompts.value
        assert deck.prompts.value.count("<li") == 2
        assert "What would WOW look like?" in deck.prompts.value

    def test_no_prompts_no_heading(self, deck):
        """A step without prompts shows no Discuss heading."""
        deck.index = 2
        assert deck.prompts.value == ""

    def test_title_escaped(self):
        """A title with < and & is shown as text."""
        deck = StepDeck([WorkshopStep("Q&A <live>", 5, "")])
        assert ">Q&amp;A &lt;live&gt;</h2>" in deck.title.value

    def test_next_and_back(self, deck):
        """Next moves forward one step and Back moves back one."""
        deck.next_button.click()
        assert deck.index == 1 and ">Skit</h2>" in deck.title.value
        deck.next_button.click()
        assert deck.index == 2
        deck.back_button.click()
        assert deck.index == 1

    def test_buttons_disabled_at_ends(self, deck):
        """Back is disabled on the first step and Next on the last."""
        assert deck.back_button.disabled and not deck.next_button.disabled
        deck.next_button.click()
        assert not deck.back_button.disabled and not deck.next_button.disabled
        deck.next_button.click()
        assert not deck.back_button.disabled and deck.next_button.disabled

    def test_next_on_last_step_stays(self, deck):
        """next() on the last step and back() on the first change nothing."""
        deck.index = 2
        deck.next()
        assert deck.index == 2
        deck.index = 0
        deck.back()
        assert deck.index == 0

    def test_single_step_both_disabled(self):
        """With one step, both buttons are disabled."""
        deck = StepDeck(STEPS[:1])
        assert deck.back_button.disabled and deck.next_button.disabled

    def test_timer_follows_step(self, deck):
        """The timer is set to each step's minutes."""
        assert deck.timer.seconds == STEPS[0].seconds
        deck.next_button.click()
        assert deck.timer.seconds == STEPS[1].seconds
        assert deck.timer.clock_text == "10:00"

    def test_changing_step_stops_timer(self, deck):
        """Moving to another step stops and resets a running timer."""
        deck.timer.start_button.click()
        deck.timer.play.value = 30
        deck.next_button.click()
        assert deck.timer.play.playing is False and deck.timer.remaining == STEPS[1].seconds

    def test_same_timer_object(self, deck):
        """The deck keeps one Timer, so a browser test can find it after navigating."""
        timer = deck.timer
        deck.next_button.click()
        assert deck.timer is timer

    def test_steps_stored_as_tuple(self):
        """The deck keeps its own tuple; the caller's list is not changed."""
        steps = list(STEPS)
        deck = StepDeck(steps)
        steps.pop()
        assert len(deck.steps) == 3 and isinstance(deck.steps, tuple)

    def test_index_setter_bounds(self, deck):
        """Setting index outside the deck is refused."""
        with raises(ValueError, "index must be between 0 and 2, got 3"):
            deck.index = 3
        with raises(ValueError, "index must be between 0 and 2, got -1"):
            deck.index = -1

    def test_index_setter_type(self, deck):
        """index must be a whole number."""
        with raises(TypeError, "index must be a whole number, got '1' (a str)"):
            deck.index = "1"

    def test_empty(self):
        """A deck needs at least one step."""
        with raises(ValueError, "steps must hold at least one WorkshopStep, got an empty list"):
            StepDeck([])

    def test_single_step_not_list(self):
        """One step not in a list is refused with a hint."""
        with raises(TypeError, "steps must be a list of WorkshopStep, got one WorkshopStep "
                               "'Welcome' (did you mean [step]?)"):
            StepDeck(STEPS[0])

    def test_wrong_item(self):
        """A non-step in the list is refused, naming its position."""
        with raises(TypeError, "steps[1] must be a WorkshopStep, got 'Skit' (a str)"):
            StepDeck([STEPS[0], "Skit"])

    def test_not_a_list(self):
        """A number is a TypeError."""
        with raises(TypeError, "steps must be a list of WorkshopStep, got 3 (a int)"):
            StepDeck(3)


RUN_SHEET = """# Run sheet: Demo session

Session: 20 minutes

## Welcome (4 min)

Hello, **everyone**.

## Skit (6 min)

Act out a visit.

Prompts:
- What went well?
- What would WOW look like?

Materials:
- Flip chart

## Wrap-up (5 min)

Thank you.
"""


@pytest.fixture
def sheet_file(tmp_path):
    """A three-step run sheet (4 + 6 + 5 minutes) for a 20-minute session."""
    path = tmp_path / "run_sheet.md"
    path.write_text(RUN_SHEET, encoding="utf-8")
    return path


class TestStepDeckFromRunSheet:
    def test_from_a_run_sheet(self, sheet_file):
        """The deck holds the sheet's steps and remembers the sheet."""
        sheet = load_run_sheet(sheet_file)
        deck = StepDeck.from_run_sheet(sheet)
        assert deck.steps == sheet.steps and deck.sheet is sheet
        assert [s.title for s in deck.steps] == ["Welcome", "Skit", "Wrap-up"]
        assert ">Welcome</h2>" in deck.title.value

    def test_from_a_file_name(self, sheet_file):
        """A file name (str or Path) is loaded."""
        for name in (sheet_file, str(sheet_file)):
            deck = StepDeck.from_run_sheet(name)
            assert deck.sheet.path == sheet_file and len(deck.steps) == 3

    def test_progress_against_the_session(self, sheet_file):
        """The meta line counts the minutes before each step out of the 20-minute session."""
        deck = StepDeck.from_run_sheet(sheet_file)
        seen = []
        for _ in range(3):
            seen.append(re.search(r">(Step [^<]*)<", deck.meta.value).group(1))
            deck.next()
        assert seen == ["Step 1 of 3 · 0 of 20 minutes used",
                        "Step 2 of 3 · 4 of 20 minutes used",
                        "Step 3 of 3 · 10 of 20 minutes used"]

    def test_progress_against_the_total_without_a_session(self, sheet_file):
        """Without a Session line the steps' own total (15) is the whole."""
        sheet_file.write_text(RUN_SHEET.replace("Session: 20 minutes\n", ""), encoding="utf-8")
        deck = StepDeck.from_run_sheet(sheet_file)
        deck.index = 2
        assert ">Step 3 of 3 · 10 of 15 minutes used<" in deck.meta.value

    def test_prompts_materials_and_timer(self, sheet_file):
        """The second step shows its prompts, its materials and a six-minute timer."""
        deck = StepDeck.from_run_sheet(sheet_file)
        deck.next_button.click()
        assert deck.prompts.value.count("<li") == 2 and "What went well?" in deck.prompts.value
        assert "Flip chart" in deck.materials.value
        assert deck.timer.clock_text == "06:00"

    def test_a_bad_file_reports_its_problems(self, sheet_file):
        """A run sheet with a mistake raises RunSheetError naming the line."""
        sheet_file.write_text(RUN_SHEET.replace("## Skit (6 min)", "## Skit"), encoding="utf-8")
        with pytest.raises(RunSheetError, match=r"line 9: step heading '## Skit' has no minutes"):
            StepDeck.from_run_sheet(sheet_file)

    def test_not_a_sheet(self):
        """Anything else is refused with a TypeError."""
        with raises(TypeError, "sheet must be a RunSheet or a run sheet file name, got "
                               "[1] (a list)"):
            StepDeck.from_run_sheet([1])
