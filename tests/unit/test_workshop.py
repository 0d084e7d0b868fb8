"""Tests for ccexercise.workshop: workshop steps, the countdown text and team splits.

Expected values come from the arithmetic (605 s = 10 min 5 s; 7 people in
3 teams make teams of 3, 2 and 2), not from running the code under test.
"""

import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccexercise import workshop
from ccexercise.room.questions import Question
from ccexercise.workshop import WorkshopStep, format_clock, progress_text, split_into_teams

ROOT = Path(__file__).resolve().parents[2]


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def test_dunder_all_sorted_and_defined():
    """__all__ is sorted and every name in it exists."""
    assert list(workshop.__all__) == sorted(workshop.__all__)
    assert all(hasattr(workshop, name) for name in workshop.__all__)


def test_model_layer_imports_no_view_libraries():
    """Importing ccexercise.workshop loads neither matplotlib nor ipywidgets nor IPython."""
    probe = ("import sys, ccexercise.workshop\n"
             "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython')"
             " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


class TestWorkshopStep:
    def test_fields(self):
        """A step keeps its title, minutes, body and prompts."""
        step = WorkshopStep("Skit", 10, "Act it out.", prompts=("What went well?", "Why?"))
        assert (step.title, step.minutes, step.body) == ("Skit", 10, "Act it out.")
        assert step.prompts == ("What went well?", "Why?")

    def test_prompts_default_empty(self):
        """Without prompts a step has an empty tuple."""
        assert WorkshopStep("Skit", 10, "Act.").prompts == ()

    def test_prompts_list_becomes_tuple(self):
        """A list of prompts is stored as a tuple and the caller's list is untouched."""
        prompts = ["One?", "Two?"]
        step = WorkshopStep("Skit", 10, "Act.", prompts=prompts)
        assert step.prompts == ("One?", "Two?")
        assert prompts == ["One?", "Two?"]

    def test_frozen(self):
        """A step cannot be changed once made."""
        step = WorkshopStep("Skit", 10, "Act.")
        with pytest.raises(AttributeError):
            step.minutes = 5

    def test_equal_steps_compare_equal(self):
        """Two steps with the same content are equal (list or tuple prompts alike)."""
        assert WorkshopStep("A", 1, "b", ["c?"]) == WorkshopStep("A", 1, "b", ("c?",))

    @pytest.mark.parametrize(("minutes", "seconds"), [(10, 600), (2.5, 150), (0.5, 30), (1, 60)])
    def test_seconds(self, minutes, seconds):
        """seconds is minutes times 60."""
        assert WorkshopStep("Skit", minutes, "Act.").seconds == seconds

    def test_empty_body_allowed(self):
        """A step may have no body text."""
        assert WorkshopStep("Break", 15, "").body == ""

    def test_zero_minutes(self):
        """Zero minutes is refused."""
        with raises(ValueError, "minutes must be more than 0, got 0"):
            WorkshopStep("Skit", 0, "Act.")

    def test_negative_minutes(self):
        """Negative minutes are refused."""
        with raises(ValueError, "minutes must be more than 0, got -5"):
            WorkshopStep("Skit", -5, "Act.")

    def test_too_many_minutes(self):
        """More than a working day (480 minutes) is refused."""
        with raises(ValueError, "minutes must be 480 or less, got 600"):
            WorkshopStep("Skit", 600, "Act.")

    def test_minutes_as_text(self):
        """Minutes typed as text are a TypeError."""
        with raises(TypeError, "minutes must be a number, got '10' (a str)"):
            WorkshopStep("Skit", "10", "Act.")

    def test_empty_title(self):
        """A blank title is refused."""
        with raises(ValueError, "title must not be empty, got '  '"):
            WorkshopStep("  ", 10, "Act.")

    def test_title_not_text(self):
        """A title that is not text is a TypeError."""
        with raises(TypeError, "title must be text (a str), got 3 (a int)"):
            WorkshopStep(3, 10, "Act.")

    def test_body_not_text(self):
        """A body that is not text is a TypeError."""
        with raises(TypeError, "body must be text (a str), got None (a NoneType)"):
            WorkshopStep("Skit", 10, None)

    def test_prompts_single_string(self):
        """One string as prompts is refused with a hint to wrap it in a list."""
        with raises(TypeError, "prompts must be a list of questions, got one text 'Why?' "
                               "(did you mean ['Why?']?)"):
            WorkshopStep("Skit", 10, "Act.", prompts="Why?")

    def test_prompts_not_iterable(self):
        """A number as prompts is a TypeError."""
        with raises(TypeError, "prompts must be a list of questions, got 3 (a int)"):
            WorkshopStep("Skit", 10, "Act.", prompts=3)

    def test_blank_prompt(self):
        """A blank prompt is refused, naming its position."""
        with raises(ValueError, "prompts[1] must not be empty, got ''"):
            WorkshopStep("Skit", 10, "Act.", prompts=["Why?", ""])

    def test_materials_list_becomes_tuple(self):
        """Materials default to none; a list is stored as a tuple, the caller's list untouched."""
        assert WorkshopStep("Skit", 10, "Act.").materials == ()
        materials = ["Flip chart", "Pens"]
        step = WorkshopStep("Skit", 10, "Act.", materials=materials)
        materials.append("Cards")
        assert step.materials == ("Flip chart", "Pens")

    def test_materials_checked_like_prompts(self):
        """One text, a number or a blank item as materials is refused."""
        with raises(TypeError, "materials must be a list of things, got one text 'Pens' "
                               "(did you mean ['Pens']?)"):
            WorkshopStep("Skit", 10, "Act.", materials="Pens")
        with raises(TypeError, "materials must be a list of things, got 3 (a int)"):
            WorkshopStep("Skit", 10, "Act.", materials=3)
        with raises(ValueError, "materials[0] must not be empty, got ' '"):
            WorkshopStep("Skit", 10, "Act.", materials=[" "])

    def test_polls_and_notes_default_empty(self):
        """Without polls or notes a step has empty tuples, and its repr shows both."""
        step = WorkshopStep("Skit", 10, "Act.")
        assert (step.polls, step.notes) == ((), ())
        assert repr(step) == ("WorkshopStep(title='Skit', minutes=10, body='Act.', prompts=(), "
                              "materials=(), polls=(), notes=())")

    def test_polls_list_becomes_tuple(self):
        """A list of Questions is stored as a tuple, in order; the caller's list is untouched."""
        felt = Question("felt", "words", "How did it feel?")
        back = Question("come-back", "rating", "Come back?", low=1, high=10)
        polls = [back, felt]
        step = WorkshopStep("Ratings", 3, "Rate.", polls=polls)
        polls.clear()
        assert step.polls == (back, felt)

    def test_polls_must_be_questions(self):
        """A text, one Question or a list holding anything else is refused."""
        felt = Question("felt", "words", "How did it feel?")
        with raises(TypeError, "polls must be a list of Question, got 'How?' (a str)"):
            WorkshopStep("Ratings", 3, "Rate.", polls="How?")
        with raises(TypeError, f"polls must be a list of Question, got {felt!r} (a Question)"):
            WorkshopStep("Ratings", 3, "Rate.", polls=felt)
        with raises(TypeError, "polls[1] must be a Question (from ccexercise.room.questions), "
                               "got {'id': 'x'} (a dict)"):
            WorkshopStep("Ratings", 3, "Rate.", polls=[felt, {"id": "x"}])

    def test_poll_ids_differ(self):
        """Two polls of one step cannot share an id (the room would not know which is which)."""
        with raises(ValueError, "polls[1] has the id 'felt' of an earlier poll of the step; "
                                "each poll needs its own id"):
            WorkshopStep("Ratings", 3, "Rate.", polls=[Question("felt", "words", "How?"),
                                                        Question("felt", "text", "Why?")])

    def test_notes_checked_like_prompts(self):
        """Notes are a list of texts; one text or a blank note is refused."""
        assert WorkshopStep("Skit", 10, "Act.", notes=["Keep it short."]).notes == \
            ("Keep it short.",)
        with raises(TypeError, "notes must be a list of notes, got one text 'Smile.' "
                               "(did you mean ['Smile.']?)"):
            WorkshopStep("Skit", 10, "Act.", notes="Smile.")
        with raises(ValueError, "notes[0] must not be empty, got ''"):
            WorkshopStep("Skit", 10, "Act.", notes=[""])

    def test_steps_with_other_polls_differ(self):
        """Polls and notes are part of what makes two steps equal."""
        plain = WorkshopStep("Skit", 10, "Act.")
        assert plain != WorkshopStep("Skit", 10, "Act.", notes=["Smile."])
        assert plain != WorkshopStep("Skit", 10, "Act.", polls=[Question("q", "nps", "Us?")])


class TestBodyHtml:
    def test_paragraphs_and_line_breaks(self):
        """Blank lines make paragraphs; single newlines make line breaks."""
        step = WorkshopStep("S", 1, "One\ntwo\n\nThree")
        assert step.body_html() == "<p>One<br>two</p>\n<p>Three</p>"

    def test_bullets_and_numbers(self):
        """'- ' lines make a bulleted list and '1. ' lines a numbered one."""
        step = WorkshopStep("S", 1, "- a\n- b\n\n1. x\n2. y")
        assert step.body_html() == "<ul><li>a</li><li>b</li></ul>\n<ol><li>x</li><li>y</li></ol>"

    def test_bold(self):
        """**words** become bold."""
        assert WorkshopStep("S", 1, "a **WOW** visit").body_html() == \
            "<p>a <strong>WOW</strong> visit</p>"

    def test_plain_text_is_escaped(self):
        """Angle brackets and ampersands in plain text are escaped."""
        assert WorkshopStep("S", 1, "Perception > Expectations & more").body_html() == \
            "<p>Perception &gt; Expectations &amp; more</p>"

    def test_html_is_kept(self):
        """A body with HTML tags is used as written."""
        body = "<p>Read <em>aloud</em>.</p>"
        assert WorkshopStep("S", 1, body).body_html() == body

    def test_empty(self):
        """An empty body gives empty HTML."""
        assert WorkshopStep("S", 1, "").body_html() == ""


class TestProgressText:
    STEPS = [WorkshopStep("A", 3, "a"), WorkshopStep("B", 5, "b"), WorkshopStep("C", 5, "c"),
             WorkshopStep("D", 7, "d")]

    def test_against_the_session(self):
        """Minutes of the steps before this one (3 + 5 + 5 = 13) out of the session."""
        assert progress_text(self.STEPS, 3, session_minutes=30) == \
            "Step 4 of 4 · 13 of 30 minutes used"

    def test_against_the_total(self):
        """Without a session, out of all the steps (3 + 5 + 5 + 7 = 20)."""
        assert progress_text(self.STEPS, 0) == "Step 1 of 4 · 0 of 20 minutes used"
        assert progress_text(self.STEPS, 1) == "Step 2 of 4 · 3 of 20 minutes used"


class TestFormatClock:
    @pytest.mark.parametrize(("seconds", "text"), [
        (605, "10:05"), (0, "00:00"), (59, "00:59"), (60, "01:00"), (5400, "90:00"),
        (6000, "100:00")])
    def test_examples(self, seconds, text):
        """Minutes and seconds, two digits each, minutes not wrapped into hours."""
        assert format_clock(seconds) == text

    def test_fraction_rounds_up(self):
        """A fraction of a second left still shows as a second."""
        assert format_clock(0.2) == "00:01"
        assert format_clock(59.5) == "01:00"

    def test_negative(self):
        """Negative seconds are refused."""
        with raises(ValueError, "seconds must be 0 or more, got -1"):
            format_clock(-1)

    def test_not_a_number(self):
        """Text is a TypeError."""
        with raises(TypeError, "seconds must be a number, got '60' (a str)"):
            format_clock("60")

    def test_bool(self):
        """True is not a number of seconds."""
        with raises(TypeError, "seconds must be a number, got True (a bool)"):
            format_clock(True)

    @settings(max_examples=200, deadline=None)
    @given(st.integers(min_value=0, max_value=10 ** 6))
    def test_round_trip(self, seconds):
        """Reading mm:ss back gives the seconds again."""
        minutes, rest = format_clock(seconds).split(":")
        assert len(rest) == 2 and len(minutes) >= 2
        assert int(minutes) * 60 + int(rest) == seconds

    @settings(max_examples=200, deadline=None)
    @given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
    def test_fractions_round_up(self, seconds):
        """For fractional seconds the clock shows the next whole second."""
        minutes, rest = format_clock(seconds).split(":")
        assert int(minutes) * 60 + int(rest) == math.ceil(seconds)


NAMES = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus"]


class TestSplitIntoTeams:
    def test_sizes_balanced(self):
        """Seven people in three teams make teams of 3, 2 and 2."""
        assert [len(t) for t in split_into_teams(NAMES, 3, seed=1)] == [3, 2, 2]

    def test_everyone_once(self):
        """Every name appears in exactly one team."""
        teams = split_into_teams(NAMES, 3, seed=1)
        assert sorted(name for team in teams for name in team) == sorted(NAMES)

    def test_same_seed_same_split(self):
        """The same seed gives the same split."""
        assert split_into_teams(NAMES, 3, seed=42) == split_into_teams(NAMES, 3, seed=42)

    def test_seeds_differ(self):
        """Different seeds give different splits (for at least one of a few seeds)."""
        splits = {str(split_into_teams(NAMES, 3, seed=s)) for s in range(5)}
        assert len(splits) > 1

    def test_without_seed_is_random(self):
        """Without a seed, repeated calls do not always give the same split."""
        splits = {str(split_into_teams(NAMES, 2)) for _ in range(30)}
        assert len(splits) > 1

    def test_one_team(self):
        """One team holds everybody."""
        assert sorted(split_into_teams(NAMES, 1, seed=0)[0]) == sorted(NAMES)

    def test_one_per_team(self):
        """As many teams as people gives teams of one."""
        teams = split_into_teams(NAMES, len(NAMES), seed=0)
        assert all(len(team) == 1 for team in teams)

    def test_input_not_changed(self):
        """The caller's list keeps its order."""
        names = list(NAMES)
        split_into_teams(names, 3, seed=3)
        assert names == NAMES

    def test_accepts_tuple_and_generator(self):
        """Any iterable of names works."""
        assert split_into_teams(tuple(NAMES), 2, seed=5) == \
            split_into_teams(iter(NAMES), 2, seed=5)

    def test_duplicate_names_kept(self):
        """Two people with the same name are both placed."""
        teams = split_into_teams(["Ann", "Ann", "Bo"], 2, seed=0)
        assert Counter(name for team in teams for name in team) == {"Ann": 2, "Bo": 1}

    def test_too_many_teams(self):
        """More teams than people is refused."""
        with raises(ValueError, "teams must be between 1 and 2 (the number of names), got 3"):
            split_into_teams(["Ann", "Bo"], 3)

    def test_zero_teams(self):
        """Zero teams is refused."""
        with raises(ValueError, "teams must be between 1 and 2 (the number of names), got 0"):
            split_into_teams(["Ann", "Bo"], 0)

    def test_fractional_teams(self):
        """A fractional number of teams is refused."""
        with raises(ValueError, "teams must be a whole number, got 1.5"):
            split_into_teams(["Ann", "Bo"], 1.5)

    def test_no_names(self):
        """An empty list is refused."""
        with raises(ValueError, "names must hold at least one name, got an empty list"):
            split_into_teams([], 1)

    def test_single_string(self):
        """One string is refused with a hint."""
        with raises(TypeError, "names must be a list of names, got one text 'Ann' "
                               "(did you mean ['Ann']?)"):
            split_into_teams("Ann", 1)

    def test_not_iterable(self):
        """A number is a TypeError."""
        with raises(TypeError, "names must be a list of names, got 5 (a int)"):
            split_into_teams(5, 1)

    def test_blank_name(self):
        """A blank name is refused, naming its position."""
        with raises(ValueError, "names[1] must not be empty, got ''"):
            split_into_teams(["Ann", "", "Bo"], 2)

    def test_name_not_text(self):
        """A name that is not text is refused, naming its position."""
        with raises(TypeError, "names[0] must be text (a str), got 7 (a int)"):
            split_into_teams([7, "Bo"], 2)

    def test_bad_seed(self):
        """A seed that is not a whole number is a TypeError."""
        with raises(TypeError, "seed must be a whole number or None, got 'x' (a str)"):
            split_into_teams(NAMES, 2, seed="x")

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.text(min_size=1).filter(str.strip), min_size=1, max_size=40),
           st.data(), st.integers(min_value=0, max_value=2 ** 32))
    def test_properties(self, names, data, seed):
        """Teams are non-empty, differ in size by at most one, largest first, and hold everyone."""
        teams_wanted = data.draw(st.integers(min_value=1, max_value=len(names)))
        teams = split_into_teams(names, teams_wanted, seed=seed)
        sizes = [len(team) for team in teams]
        assert len(teams) == teams_wanted
        assert min(sizes) >= 1 and max(sizes) - min(sizes) <= 1
        assert sizes == sorted(sizes, reverse=True)
        assert Counter(name for team in teams for name in team) == Counter(names)
        assert teams == split_into_teams(names, teams_wanted, seed=seed)
