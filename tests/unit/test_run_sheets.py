"""Tests for ccexercise.workshop.run_sheets: reading a workshop's steps from a Markdown run sheet.

Every file here is written by hand in the test, so each expected line number
and total comes from counting that text, not from running the loader.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ccexercise import workshop
from ccexercise.room.questions import Question
from ccexercise.workshop import (
    RunSheet,
    RunSheetError,
    RunSheetProblem,
    WorkshopStep,
    load_run_sheet,
    run_sheet_for,
    run_sheets,
)

ROOT = Path(__file__).resolve().parents[2]
MODULE = "01_lost_customer_cost"
MODULE_SHEET = ROOT / "course" / MODULE / "run_sheet.md"

GOOD = """\
# Run sheet: Demo session

Session: 20 minutes

<!-- A note for the trainer:
## This heading is inside a comment (9 min)
-->

## Welcome (4 min)

Hello, **everyone**.

Second paragraph.

Prompts:
- Who is your customer?
- What do they buy
  from us in a year?

Materials:
- Flip chart
- Pens

## Skit (2.5 min)

- one buyer
- one seller

## Questions only (1 minute)

Prompts:
1. Anything unclear?
"""


def write(folder: Path, text: str, name: str = "run_sheet.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, **kwargs) -> list[tuple[int | None, str]]:
    """The (line, reason) of every problem the loader reports for ``path``."""
    with pytest.raises(RunSheetError) as caught:
        load_run_sheet(path, **kwargs)
    assert all(p.file == str(path) for p in caught.value.problems)
    return [(p.line, p.reason) for p in caught.value.problems]


@pytest.fixture(autouse=True)
def _no_trainer_copy(monkeypatch):
    """A run sheet chosen in the developer's environment must not leak into these tests."""
    monkeypatch.delenv(run_sheets.ENV_VAR, raising=False)


def test_dunder_all_sorted_and_reexported_from_workshop():
    """__all__ is sorted and every run sheet name is also in ccexercise.workshop."""
    assert list(run_sheets.__all__) == sorted(run_sheets.__all__)
    for name in run_sheets.__all__:
        assert getattr(workshop, name) is getattr(run_sheets, name)
        assert name in workshop.__all__


def test_importing_run_sheets_first_works():
    """ccexercise.workshop.run_sheets imports first without a cycle or any view library."""
    probe = ("import sys, ccexercise.workshop.run_sheets as r, ccexercise.workshop as w\n"
             "print(w.RunSheet is r.RunSheet, sorted(m for m in ('matplotlib', 'ipywidgets', "
             "'IPython') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True []"  # and no view library is loaded


class TestLoadRunSheet:
    def test_title_session_and_steps(self, tmp_path):
        """The title (without 'Run sheet:'), the session and three steps are read."""
        sheet = load_run_sheet(write(tmp_path, GOOD))
        assert isinstance(sheet, RunSheet)
        assert sheet.title == "Demo session"
        assert sheet.session_minutes == 20
        assert [(s.title, s.minutes) for s in sheet.steps] == [
            ("Welcome", 4), ("Skit", 2.5), ("Questions only", 1)]
        assert sheet.total_minutes == 7.5
        assert sheet.path == tmp_path / "run_sheet.md"

    def test_body_prompts_and_materials(self, tmp_path):
        """Paragraphs form the body; the lists under Prompts: and Materials: are kept apart."""
        first, second, third = load_run_sheet(write(tmp_path, GOOD)).steps
        assert first == WorkshopStep(
            "Welcome", 4, "Hello, **everyone**.\n\nSecond paragraph.",
            prompts=("Who is your customer?", "What do they buy from us in a year?"),
            materials=("Flip chart", "Pens"))
        assert second.body == "- one buyer\n- one seller" and second.prompts == ()
        assert third.body == "" and third.prompts == ("Anything unclear?",)

    def test_comments_are_never_steps(self, tmp_path):
        """A heading inside <!-- --> is a note, not a step."""
        titles = [s.title for s in load_run_sheet(write(tmp_path, GOOD)).steps]
        assert "This heading is inside a comment" not in titles

    def test_no_session_line(self, tmp_path):
        """Without a Session: line the session length is None."""
        text = GOOD.replace("Session: 20 minutes\n", "")
        assert load_run_sheet(write(tmp_path, text)).session_minutes is None

    def test_session_minutes_argument_wins(self, tmp_path):
        """session_minutes= overrides the file's Session line."""
        sheet = load_run_sheet(write(tmp_path, GOOD), session_minutes=45)
        assert sheet.session_minutes == 45

    @pytest.mark.parametrize("heading", ["## Welcome (4 min)", "## Welcome (4 mins)",
                                         "## Welcome (4 minutes)", "##   Welcome   (4 MIN)  "])
    def test_ways_to_write_the_minutes(self, tmp_path, heading):
        """min, mins, minutes, any case, extra spaces."""
        sheet = load_run_sheet(write(tmp_path, GOOD.replace("## Welcome (4 min)", heading)))
        assert (sheet.steps[0].title, sheet.steps[0].minutes) == ("Welcome", 4)

    def test_windows_file(self, tmp_path):
        """A file saved on Windows (BOM, CRLF line ends) reads the same."""
        path = tmp_path / "run_sheet.md"
        path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
        assert load_run_sheet(path).steps == load_run_sheet(write(tmp_path, GOOD, "b.md")).steps

    def test_editing_the_file_changes_the_steps(self, tmp_path):
        """Each load reads the file as it is now."""
        path = write(tmp_path, GOOD)
        assert load_run_sheet(path).steps[0].minutes == 4
        write(tmp_path, GOOD.replace("## Welcome (4 min)", "## Hello, room (6 min)"))
        assert (load_run_sheet(path).steps[0].title, load_run_sheet(path).steps[0].minutes) \
            == ("Hello, room", 6)

    def test_repr(self, tmp_path):
        """The repr names the title, the step count and the minutes against the session."""
        path = write(tmp_path, GOOD)
        assert repr(load_run_sheet(path)) == \
            f"RunSheet('Demo session', 3 steps, 7.5 of 20 minutes, path={str(path)!r})"

    def test_bad_path_type(self):
        """path must be a file name."""
        with pytest.raises(TypeError, match=r"^path must be a file name \(str or Path\), "
                                            r"got 3 \(a int\)$"):
            load_run_sheet(3)

    def test_bad_session_minutes_argument(self, tmp_path):
        """session_minutes must be more than 0."""
        with pytest.raises(ValueError, match=r"^session_minutes must be more than 0, got 0$"):
            load_run_sheet(write(tmp_path, GOOD), session_minutes=0)


# Each case: the file's text, then the (line, reason) the loader must report.
VOTE = "# Run sheet: X\n\n## Vote (5 min)\n\nVote.\n\n"  # a step; what follows is line 7
MISTAKES = {
    "heading without minutes": (
        "# Run sheet: X\n\n## Welcome\n\nHello.\n",
        [(3, "step heading '## Welcome' has no minutes: write it as '## Welcome (5 min)'")]),
    "heading with brackets but no minutes": (
        "# Run sheet: X\n\n## Welcome (in pairs)\n\nHello.\n",
        [(3, "step heading '## Welcome (in pairs)' has no minutes: write it as "
             "'## Welcome (in pairs) (5 min)'")]),
    "zero minutes": (
        "# Run sheet: X\n\n## Welcome (0 min)\n\nHello.\n",
        [(3, "the minutes of step 'Welcome' must be a positive number, got '0'")]),
    "negative minutes": (
        "# Run sheet: X\n\n## Welcome (-5 min)\n\nHello.\n",
        [(3, "the minutes of step 'Welcome' must be a positive number, got '-5'")]),
    "minutes in words": (
        "# Run sheet: X\n\n## Welcome (five min)\n\nHello.\n",
        [(3, "the minutes of step 'Welcome' must be a positive number, got 'five'")]),
    "decimal comma": (
        "# Run sheet: X\n\n## Welcome (2,5 min)\n\nHello.\n",
        [(3, "the minutes of step 'Welcome' must be a positive number, got '2,5' "
             "(did you mean 2.5?)")]),
    "longer than a working day": (
        "# Run sheet: X\n\n## Welcome (500 min)\n\nHello.\n",
        [(3, "step 'Welcome': minutes must be 480 or less, got 500")]),
    "empty step": (
        "# Run sheet: X\n\n## Welcome (5 min)\n\n## Skit (5 min)\n\nAct.\n",
        [(3, "step 'Welcome' is empty: write what the room sees under its heading, or its "
             "questions under 'Prompts:'")]),
    "materials only is still empty": (
        "# Run sheet: X\n\n## Welcome (5 min)\n\nMaterials:\n- Pens\n",
        [(3, "step 'Welcome' is empty: write what the room sees under its heading, or its "
             "questions under 'Prompts:'")]),
    "longer than the session": (
        "# Run sheet: X\n\nSession: 10 minutes\n\n## A (6 min)\n\nA.\n\n## B (5 min)\n\nB.\n",
        [(3, "the steps add up to 11 minutes, more than the 10-minute session (its Session "
             "line); shorten some steps or lengthen the session")]),
    "a session that is not a number": (
        "# Run sheet: X\n\nSession: half an hour\n\n## A (6 min)\n\nA.\n",
        [(3, "the Session length (minutes) must be a positive number, got 'half an hour'; "
             "write it as 'Session: 45 minutes'")]),
    "a prompt before the first step": (
        "# Run sheet: X\n\n- Who is your customer?\n\n## A (6 min)\n\nA.\n",
        [(3, "'- Who is your customer?' comes before the first step: prompts, materials and "
             "notes go under a step heading such as '## Welcome (5 min)'")]),
    "text after the prompts": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\nPrompts:\n- Why?\n\nThen play the skit.\n",
        [(10, "'Then play the skit.' is not a '- ' item, but it comes after 'Prompts:' (line 7); "
              "put the step's text above its polls and its 'Prompts:', 'Materials:' and "
              "'Notes:'")]),
    "a Prompts line with nothing under it": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\nPrompts:\n",
        [(7, "'Prompts:' in step 'A' has no '- ' items under it")]),
    "a prompt on the label's line": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\nPrompts: Why?\n- How?\n",
        [(7, "write each of the prompts on its own '- ' line under 'Prompts:', got "
             "'Prompts: Why?'")]),
    "an empty item": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\nMaterials:\n-\n- Pens\n",
        [(8, "an empty '- ' item under 'Materials:'")]),
    "no steps at all": (
        "# Run sheet: X\n\nSession: 10 minutes\n",
        [(None, "no steps found: each step starts with a heading such as '## Welcome (5 min)'")]),
    "no title": (
        "## A (6 min)\n\nA.\n",
        [(1, "the run sheet has no title: start it with '# Run sheet: <module title>'")]),
    "an empty title": (
        "# Run sheet:\n\n## A (6 min)\n\nA.\n",
        [(1, "the title is empty: write '# Run sheet: <module title>'")]),
    "two titles": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\n# Part two\n",
        [(7, "a second '# ' title '# Part two': a run sheet has one title; steps start with "
             "'## '")]),
    "a third-level heading": (
        "# Run sheet: X\n\n## A (6 min)\n\n### Detail\n\nA.\n",
        [(5, "heading '### Detail' is not understood: a step starts with '## ' and its minutes, "
             "e.g. '## Welcome (5 min)'")]),
    "text before the first step": (
        "# Run sheet: X\n\nBring coffee.\n\n## A (6 min)\n\nA.\n",
        [(3, "text before the first step is shown nowhere: 'Bring coffee.'; put it under a step "
             "heading, or inside <!-- --> to keep it as a note")]),
    "a comment never closed": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\n<!-- a note\n\n## B (5 min)\n\nB.\n",
        [(7, "a comment opened with '<!--' is never closed with '-->'")]),
    "a Notes line with nothing under it": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\nNotes:\n",
        [(7, "'Notes:' in step 'A' has no '- ' items under it")]),
    "a note on the label's line": (
        "# Run sheet: X\n\n## A (6 min)\n\nA.\n\nNotes: Bring pens.\n- Smile.\n",
        [(7, "write each of the notes on its own '- ' line under 'Notes:', got "
             "'Notes: Bring pens.'")]),
    "notes only is still empty": (
        "# Run sheet: X\n\n## Welcome (5 min)\n\nNotes:\n- Smile.\n",
        [(3, "step 'Welcome' is empty: write what the room sees under its heading, or its "
             "questions under 'Prompts:'")]),
    "a poll of an unknown kind": (
        VOTE + "Poll vote: Which one?\n",
        [(7, "step 'Vote': 'vote' is not a kind of poll; write one of: rating, nps, choice, "
             "choices, words, text, ideas, statements (e.g. 'Poll choice: Which level of service was it?')")]),
    "a poll without a kind": (
        VOTE + "Poll: Which one?\n",
        [(7, "step 'Vote': the poll has no kind; write one of: rating, nps, choice, choices, "
             "words, text, ideas, statements (e.g. 'Poll choice: Which level of service was it?')")]),
    "a poll without a colon": (
        VOTE + "Poll nps Would you recommend us?\n",
        [(7, "step 'Vote': a poll is written 'Poll <kind>: <question>', got "
             "'Poll nps Would you recommend us?'")]),
    "a poll without a question": (
        VOTE + "Poll words [felt]:\n",
        [(7, "step 'Vote': the poll has no question: write it after the colon, e.g. "
             "'Poll words: How did the customer feel?'")]),
    "a scale in words": (
        VOTE + "Poll rating ten: How much?\n",
        [(7, "step 'Vote': a rating's scale is written like '1-10', got 'ten'")]),
    "a scale the wrong way round": (
        VOTE + "Poll rating 10-1: How much?\n",
        [(7, "step 'Vote': a rating's scale must run from a lower to a higher whole number "
             "between 0 and 100, got '10-1'")]),
    "a scale on an NPS poll": (
        VOTE + "Poll nps 1-10: Recommend us?\n",
        [(7, "step 'Vote': only a rating or statements poll takes a scale, got '1-10' after 'Poll nps' "
             "(NPS is always 0-10)")]),
    "a choice with one option": (
        VOTE + "Poll choice: Which level?\n- Low\n",
        [(7, "step 'Vote': a choice poll needs at least two options, as '- ' lines under it; "
             "got 1")]),
    "a choice with no options": (
        VOTE + "Poll choices: Which levels?\n\nPrompts:\n- Why?\n",
        [(7, "step 'Vote': a choices poll needs at least two options, as '- ' lines under it; "
             "got 0")]),
    "an option listed twice": (
        VOTE + "Poll choice: Which level?\n- Low\n- WOW\n- low\n",
        [(7, "step 'Vote': option 'low' is listed twice")]),
    "options under a poll that takes none": (
        VOTE + "Poll rating: How much?\n- Low\n- High\n",
        [(7, "step 'Vote': only choice, choices and statements polls take options; a rating poll got "
             "['Low', 'High']")]),
    "an empty option": (
        VOTE + "Poll choice: Which level?\n- Low\n-\n- WOW\n",
        [(9, "an empty '- ' option under the poll on line 7")]),
    "a name with a space": (
        VOTE + "Poll words [come back]: How?\n",
        [(7, "step 'Vote': a poll's name in [brackets] uses letters, digits, '-' and '_' "
             "(at most 40), got [come back]")]),
    "text after a poll": (
        VOTE + "Poll nps: Recommend us?\nThen we talk.\n",
        [(8, "'Then we talk.' is not a '- ' item, but it comes after the poll on line 7; put "
             "the step's text above its polls and its 'Prompts:', 'Materials:' and 'Notes:'")]),
    "a poll before the first step": (
        "# Run sheet: X\n\nPoll nps: Recommend us?\n\n## A (6 min)\n\nA.\n",
        [(3, "'Poll nps: Recommend us?' comes before the first step: a poll goes under the "
             "heading of the step it belongs to, such as '## Welcome (5 min)'")]),
    "a poll written as a list item": (
        VOTE + "Prompts:\n- Why?\n- Poll nps: Recommend us?\n",
        [(9, "a poll is a line of its own, not a '- ' item: write 'Poll nps: Recommend us?' "
             "without the '- ' in front")]),
    "two polls with one name": (
        VOTE + "Poll words [felt]: How?\n\n## Again (5 min)\n\nPoll text [Felt]: Why?\n",
        [(11, "step 'Again': the poll [felt] has the same name as the poll on line 7; give "
              "each poll of the run sheet its own name in [brackets]")]),
}


class TestEveryMistakeIsReported:
    @pytest.mark.parametrize("case", MISTAKES, ids=list(MISTAKES))
    def test_mistake(self, tmp_path, case):
        """Each kind of mistake is reported with its line and a reason that says how to fix it."""
        text, expected = MISTAKES[case]
        assert problems_of(write(tmp_path, text)) == expected

    def test_session_minutes_argument_too_short(self, tmp_path):
        """A session given as an argument is checked too (no line: it is not in the file)."""
        path = write(tmp_path, "# Run sheet: X\n\n## A (6 min)\n\nA.\n")
        assert problems_of(path, session_minutes=5) == [
            (None, "the steps add up to 6 minutes, more than the 5-minute session "
                   "(session_minutes=5); shorten some steps or lengthen the session")]

    def test_all_problems_at_once_in_file_order(self, tmp_path):
        """Five mistakes in one file are all reported together, in line order, none skipped."""
        text = ("# Run sheet: X\n"          # 1
                "\n"                         # 2
                "Session: 10 minutes\n"      # 3  5 + 4 + 3 = 12 > 10 (the unreadable step excluded)
                "\n"                         # 4
                "## Welcome\n"               # 5  no minutes
                "\n"                         # 6
                "Hello.\n"                   # 7
                "\n"                         # 8
                "## Skit (5 min)\n"          # 9  empty
                "\n"                         # 10
                "## Talk (zero min)\n"       # 11 not a number
                "\n"                         # 12
                "Talk.\n"                    # 13
                "\n"                         # 14
                "## Debrief (4 min)\n"       # 15
                "\n"                         # 16
                "Prompts:\n"                 # 17
                "- What now?\n"              # 18
                "And then?\n"                # 19 not an item
                "\n"                         # 20
                "## Close (3 min)\n"         # 21
                "\n"                         # 22
                "Bye.\n")                    # 23
        path = write(tmp_path, text)
        with pytest.raises(RunSheetError) as caught:
            load_run_sheet(path)
        error = caught.value
        assert [p.line for p in error.problems] == [3, 5, 9, 11, 19]
        assert "at least 12 minutes" in error.problems[0].reason
        assert all(isinstance(p, RunSheetProblem) for p in error.problems)
        message = str(error)
        assert message.startswith(f"5 problems in the run sheet {path}:\n")
        for problem in error.problems:
            assert f"  line {problem.line}: {problem.reason}" in message
        assert isinstance(error, ValueError)

    def test_stray_text_does_not_hide_the_session(self, tmp_path):
        """Text after the Session line is reported, and the session is still checked (7 > 5)."""
        path = write(tmp_path, "# Run sheet: X\nSession: 5 minutes\nBring coffee.\n\n"
                               "## A (7 min)\n\nA.\n")
        assert [line for line, _reason in problems_of(path)] == [2, 3]

    def test_missing_file(self, tmp_path):
        """A file that is not there is one problem for the whole file."""
        assert problems_of(tmp_path / "nope.md") == [(None, "no such file")]

    def test_a_folder(self, tmp_path):
        """A folder is not a run sheet."""
        assert problems_of(tmp_path) == [(None, "this is a folder, not a run sheet file")]

    def test_not_utf8(self, tmp_path):
        """A file in another encoding asks to be saved as UTF-8."""
        path = tmp_path / "run_sheet.md"
        path.write_bytes("# Run sheet: Café\n".encode("latin-1"))
        assert problems_of(path) == [(None, "is not UTF-8 text (byte 16); save it as UTF-8 text")]

    def test_problem_text(self):
        """A problem reads 'file, line N: reason', or 'file: reason' for the whole file."""
        assert str(RunSheetProblem("a.md", 4, "", "bad")) == "a.md, line 4: bad"
        assert str(RunSheetProblem("a.md", None, "", "bad")) == "a.md: bad"
        assert str(RunSheetError([RunSheetProblem("a.md", None, "", "no such file")])) == \
            "1 problem in the run sheet a.md:\n  the whole file: no such file"
        two = RunSheetError([RunSheetProblem("a.md", 2, "", "x"), RunSheetProblem("b.md", 3, "", "y")])
        assert str(two) == "2 problems in the run sheets:\n  a.md, line 2: x\n  b.md, line 3: y"


POLLS = """\
# Run sheet: Polls

## Welcome (3 min)

Hello.

## Ratings (4 min)

The customer tells us how they felt.

Poll rating 0-10 [come-back]: As this customer, how much would you want to come back?
Poll words: One or two words: how did the customer feel?

Prompts:
- Why?

Notes:
- Clear both questions
  before the next skit.
- Save the ratings.

**Poll choice:** Which level of service did you see?
- Low
- Standard
- WOW, with a
  long option

Materials:
- Rating form

## Vote only (1 min)

Poll nps: How likely are you to recommend our shop to a friend or colleague?
"""


class TestPollsAndNotes:
    def test_polls_in_order_with_ids(self, tmp_path):
        """Each Poll line becomes a Question: its [key] names it, else '<step>.<n>'."""
        sheet = load_run_sheet(write(tmp_path, POLLS))
        welcome, ratings, vote = sheet.steps
        assert welcome.polls == ()
        assert ratings.polls == (
            Question("come-back", "rating", "As this customer, how much would you want to "
                                            "come back?", low=0, high=10),
            Question("2.2", "words", "One or two words: how did the customer feel?"),
            Question("2.3", "choice", "Which level of service did you see?",
                     options=("Low", "Standard", "WOW, with a long option")))
        assert vote.polls == (Question("3.1", "nps", "How likely are you to recommend our shop "
                                                     "to a friend or colleague?"),)

    def test_notes_prompts_and_materials_in_any_order(self, tmp_path):
        """Polls, Prompts:, Notes: and Materials: may come in any order after the body."""
        ratings = load_run_sheet(write(tmp_path, POLLS)).steps[1]
        assert ratings.body == "The customer tells us how they felt."
        assert ratings.prompts == ("Why?",)
        assert ratings.notes == ("Clear both questions before the next skit.",
                                 "Save the ratings.")
        assert ratings.materials == ("Rating form",)

    def test_a_step_with_only_a_poll_is_not_empty(self, tmp_path):
        """A poll is something for the room to do: the step is kept, with an empty body."""
        vote = load_run_sheet(write(tmp_path, POLLS)).steps[2]
        assert (vote.title, vote.body, vote.prompts) == ("Vote only", "", ())

    def test_questions_of_the_sheet(self, tmp_path):
        """RunSheet.questions maps each poll's id to its step (from 0) and its Question."""
        sheet = load_run_sheet(write(tmp_path, POLLS))
        assert {key: index for key, (index, _q) in sheet.questions.items()} == {
            "come-back": 1, "2.2": 1, "2.3": 1, "3.1": 2}
        assert sheet.questions["2.3"][1] is sheet.steps[1].polls[2]

    def test_ids_count_steps_even_when_a_step_is_broken(self, tmp_path):
        """A step whose heading is wrong still counts, and its polls are still checked."""
        text = ("# Run sheet: X\n\n## A\n\nA.\n\nPoll nps 0-10: Recommend?\n\n"
                "## B (5 min)\n\nPoll words: How?\n")
        assert problems_of(write(tmp_path, text)) == [
            (3, "step heading '## A' has no minutes: write it as '## A (5 min)'"),
            (7, "step 'A': only a rating or statements poll takes a scale, got '0-10' after 'Poll nps' "
                "(NPS is always 0-10)")]
        fixed = text.replace("## A\n", "## A (5 min)\n").replace("nps 0-10", "nps")
        assert [q.id for step in load_run_sheet(write(tmp_path, fixed)).steps
                for q in step.polls] == ["1.1", "2.1"]

    def test_a_name_cannot_take_another_steps_number(self, tmp_path):
        """A [name] is letters, digits, '-' and '_', so it never clashes with a '2.1' id."""
        text = "# Run sheet: X\n\n## A (5 min)\n\nPoll words [1.1]: How?\n"
        assert problems_of(write(tmp_path, text)) == [
            (5, "step 'A': a poll's name in [brackets] uses letters, digits, '-' and '_' "
                "(at most 40), got [1.1]")]

    def test_poll_mistakes_come_with_the_sheets_other_mistakes(self, tmp_path):
        """Poll mistakes are listed with every other mistake, in line order, none skipped."""
        text = ("# Run sheet: X\n"                         # 1
                "\n"                                        # 2
                "## Skit (five min)\n"                      # 3  minutes not a number
                "\n"                                        # 4
                "Act.\n"                                    # 5
                "\n"                                        # 6
                "Poll choice [level]: Which level?\n"       # 7  one option
                "- Low\n"                                   # 8
                "Poll vote: Who won?\n"                     # 9  unknown kind
                "\n"                                        # 10
                "## Ratings (3 min)\n"                      # 11
                "\n"                                        # 12
                "Poll rating [level]: How much?\n"          # 13 fine: the first [level] failed
                "Poll words [level]: How?\n"                # 14 the same name again
                "Notes:\n"                                  # 15 no items
                "\n")
        assert [line for line, _reason in problems_of(write(tmp_path, text))] == \
            [3, 7, 9, 14, 15]

    def test_a_poll_in_a_comment_is_a_note(self, tmp_path):
        """A Poll line inside <!-- --> is not read."""
        text = "# Run sheet: X\n\n## A (5 min)\n\nA.\n<!-- Poll vote: not read -->\n"
        assert load_run_sheet(write(tmp_path, text)).steps[0].polls == ()

    def test_a_sentence_starting_with_polls_is_text(self, tmp_path):
        """Only 'Poll' as a word starts a poll: 'Polls show ...' stays in the body."""
        text = "# Run sheet: X\n\n## A (5 min)\n\nPolls show: people like chairs.\n"
        assert load_run_sheet(write(tmp_path, text)).steps[0].body == \
            "Polls show: people like chairs."


class TestRunSheetFor:
    def test_module_01(self):
        """Module 01's run sheet holds its six steps: 3 + 5 + 5 + 7 + 5 + 5 = 30 minutes."""
        sheet = run_sheet_for(MODULE)
        assert sheet.path.resolve() == MODULE_SHEET.resolve()
        assert sheet.title == "What does losing one customer cost?"
        assert [s.minutes for s in sheet.steps] == [3, 5, 5, 7, 5, 5]
        assert sheet.session_minutes == 30
        assert sheet.steps[1].title == "The puzzle"
        assert sheet.steps[1].materials == ("Paper and pens for each team",)
        assert sum(len(s.prompts) for s in sheet.steps) == 2 + 0 + 2 + 2 + 2 + 1

    def test_from_any_working_folder(self, tmp_path, monkeypatch):
        """A page copied elsewhere still finds the module's run sheet."""
        monkeypatch.chdir(tmp_path)
        assert run_sheet_for(MODULE).path.resolve() == MODULE_SHEET.resolve()

    def test_course_folder_at_or_above_the_working_folder_first(self, tmp_path, monkeypatch):
        """In another course folder (say a trainer's copy of the course) its own file is used."""
        (tmp_path / "nbgrader_config.py").write_text("")
        (tmp_path / "solutions").mkdir()
        folder = tmp_path / "course" / MODULE
        folder.mkdir(parents=True)
        write(folder, "# Run sheet: Our version\n\n## Only step (5 min)\n\nHi.\n")
        monkeypatch.chdir(folder)  # where Voila and JupyterLab start the page's kernel
        assert run_sheet_for(MODULE).title == "Our version"

    def test_path_argument(self, tmp_path):
        """path= loads the trainer's own copy."""
        path = write(tmp_path, GOOD)
        assert run_sheet_for(MODULE, path=path).title == "Demo session"

    def test_environment_variable(self, tmp_path, monkeypatch):
        """CCEXERCISE_RUN_SHEET names the trainer's copy; path= still wins over it."""
        monkeypatch.setenv("CCEXERCISE_RUN_SHEET", str(write(tmp_path, GOOD)))
        assert run_sheet_for(MODULE).title == "Demo session"
        other = write(tmp_path, "# Run sheet: Other\n\n## A (5 min)\n\nA.\n", "other.md")
        assert run_sheet_for(MODULE, path=other).title == "Other"

    def test_empty_environment_variable_is_ignored(self, monkeypatch):
        """An empty CCEXERCISE_RUN_SHEET means the module's own run sheet."""
        monkeypatch.setenv("CCEXERCISE_RUN_SHEET", "")
        assert run_sheet_for(MODULE).path.resolve() == MODULE_SHEET.resolve()

    def test_environment_variable_with_mistakes(self, tmp_path, monkeypatch):
        """A broken copy named by the variable is reported, not replaced by the module's own."""
        monkeypatch.setenv("CCEXERCISE_RUN_SHEET", str(tmp_path / "missing.md"))
        with pytest.raises(RunSheetError, match="^1 problem in the run sheet .*missing.md:\n  the whole file: no such file"):
            run_sheet_for(MODULE)

    @pytest.mark.parametrize("module", ["99_nothing", "../01_lost_customer_cost", ""])
    def test_unknown_module(self, module):
        """An unknown module names the modules that have a run sheet."""
        with pytest.raises(ValueError, match=rf"^module must name a module with a run sheet, got "
                                             rf"{re.escape(repr(module))}; modules with one: "
                                             rf".*{MODULE}"):
            run_sheet_for(module)

    def test_module_type(self):
        """module must be text."""
        with pytest.raises(TypeError, match=r"^module must be a module folder name \(a str\), "
                                            r"got 1 \(a int\)$"):
            run_sheet_for(1)


def test_the_example_in_the_docs_is_a_valid_run_sheet(tmp_path):
    """docs/run-sheets.md opens with an example that loads: two steps, 3 + 5 minutes."""
    docs = (ROOT / "docs" / "run-sheets.md").read_text(encoding="utf-8")
    example = re.search(r"```markdown\n(.*?)```", docs, re.S).group(1)
    sheet = load_run_sheet(write(tmp_path, example))
    assert [(s.title, s.minutes) for s in sheet.steps] == [
        ("Warm-up: your regular customers", 3), ("The puzzle", 5)]
    assert sheet.steps[1].materials == ("Paper and pens for each team",)
    assert [(q.id, q.kind) for q in sheet.steps[0].polls] == [("regular", "words")]
    assert sheet.steps[0].notes == ("Read out a few of the answers before the prompts.",)
    assert sheet.steps[1].polls[0].options == ("The revenue we lose", "The profit we lose",
                                                "About the same")


def test_every_example_step_in_the_docs_loads(tmp_path):
    """Each ```markdown block of docs/run-sheets.md that holds steps is a valid run sheet."""
    docs = (ROOT / "docs" / "run-sheets.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```markdown\n(.*?)```", docs, re.S)
    assert len(blocks) >= 3
    for block in blocks:
        text = block if block.startswith("# ") else "# Run sheet: X\n\n" + block
        assert load_run_sheet(write(tmp_path, text)).steps


def _shape(message: str) -> str:
    """A message with its example words (quoted, [bracketed], numbers) blanked out."""
    return re.sub(r"'[^']*'|\[[^\]]*\]|\d+|\b(choices?|prompts|materials|notes)\b", "X",
                  message)


def test_the_docs_list_every_message_about_polls_and_notes():
    """docs/run-sheets.md quotes each poll and notes message the loader gives (with its own
    example words), so a trainer who searches for a message finds what to do."""
    docs = (ROOT / "docs" / "run-sheets.md").read_text(encoding="utf-8")
    documented = {_shape(quoted) for quoted in re.findall(r"`([^`]*)`", docs)}
    for case, (_text, expected) in MISTAKES.items():
        if "poll" in case or "option" in case or "scale" in case or "name" in case \
                or "note" in case.lower():
            for _line, reason in expected:
                assert _shape(reason) in documented, reason


def test_every_course_run_sheet_loads():
    """Every run sheet in course/ is free of mistakes."""
    sheets = sorted((ROOT / "course").glob("*/run_sheet.md"))
    assert sheets
    for path in sheets:
        assert load_run_sheet(path).steps


# The polls each module's page works with, by name: (step title, kind, scale or options).
COURSE_POLLS = {
    "03_service_levels": {"come-back": ("Ratings", "rating", (1, 10)),
                          "felt": ("Ratings", "words", None)},
    "04_satisfaction_formula": {"expected": ("One repair, rated by the room", "rating", (1, 7)),
                                "got": ("One repair, rated by the room", "rating", (1, 7))},
    "05_nps": {"recommend": ("The question", "nps", (0, 10))},
    "06_guess_what_he_dislikes": {"guess": ("Guess what he dislikes: three rounds", "text",
                                            None)},
    "07_soco_self_assessment": {"soco": ("The self-assessment", "statements", (1, 9))},
}


@pytest.mark.parametrize("module", sorted(COURSE_POLLS))
def test_course_run_sheets_hold_the_polls_their_pages_use(module):
    """Each poll a page is wired to is in its run sheet, in the right step, of the right kind."""
    sheet = run_sheet_for(module)
    for key, (title, kind, scale) in COURSE_POLLS[module].items():
        index, question = sheet.questions[key]
        assert (sheet.steps[index].title, question.kind) == (title, kind)
        if scale:
            assert (question.low, question.high) == scale


def test_the_skit_rating_form_takes_the_come_back_scale():
    """come-back uses the scale the skit rating form stores (SkitRating: 1 to 10)."""
    from ccexercise.skit import SkitRating

    question = run_sheet_for("03_service_levels").questions["come-back"][1]
    SkitRating("Team 1", emotions=["calm"], come_back=question.low, room=question.scale)
    SkitRating("Team 1", emotions=["calm"], come_back=question.high)


class TestInstalledWheel:
    def test_run_sheets_travel_in_the_wheel(self, tmp_path):
        """A non-editable install finds module 01's run sheet from any folder."""
        dist = tmp_path / "dist"
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--no-build-isolation", "-w", str(dist), str(ROOT)],
                       check=True, capture_output=True, text=True)
        (wheel,) = dist.glob("ccexercise-*.whl")
        site = tmp_path / "site"
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                        "--target", str(site), str(wheel)],
                       check=True, capture_output=True, text=True)
        packaged = site / "ccexercise" / "_run_sheets" / MODULE / "run_sheet.md"
        assert packaged.read_bytes() == MODULE_SHEET.read_bytes()
        assert not list(site.glob("ccexercise/_run_sheets/*/*.ipynb"))  # only the run sheets
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", run_sheets.ENV_VAR)}
        env["PYTHONPATH"] = str(site)
        code = ("import ccexercise.workshop as w; s = w.run_sheet_for('01_lost_customer_cost'); "
                "print(s.path); print(len(s.steps))")
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        done = subprocess.run([sys.executable, "-s", "-c", code], cwd=elsewhere, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        path, steps = done.stdout.split("\n")[:2]
        assert Path(path).resolve() == packaged.resolve() and int(steps) == 6


class TestWorkshopCommand:
    """``ccexercise workshop MODULE --run-sheet FILE`` (the server itself is replaced by a stub)."""

    @pytest.fixture
    def served(self, monkeypatch):
        """What the command would start the server with: the keyword arguments of serve()."""
        from ccexercise import launch

        calls = []
        monkeypatch.setattr(launch, "serve", lambda argv, **kwargs: calls.append(kwargs) or 0)
        return calls

    def test_the_kernels_get_the_trainers_copy_as_a_full_path(self, tmp_path, monkeypatch,
                                                              served, capsys):
        """A relative FILE is resolved from where the command runs, not from the page's folder."""
        from ccexercise.cli import main

        write(tmp_path, GOOD, "ours.md")
        monkeypatch.chdir(tmp_path)
        assert main(["workshop", MODULE, "--run-sheet", "ours.md"]) == 0
        (kwargs,) = served
        assert kwargs["env"][run_sheets.ENV_VAR] == str((tmp_path / "ours.md").resolve())
        assert f"Run sheet: {(tmp_path / 'ours.md').resolve()} (3 steps, 7.5 minutes)" \
            in capsys.readouterr().err

    def test_without_a_copy_the_module_sheet_is_checked_and_used(self, monkeypatch, served,
                                                                 capsys):
        """No --run-sheet: nothing is set, and the module's own sheet is named."""
        from ccexercise.cli import main

        monkeypatch.chdir(ROOT)
        assert main(["workshop", MODULE]) == 0
        assert run_sheets.ENV_VAR not in served[0]["env"]
        assert f"Run sheet: {MODULE_SHEET} (6 steps, 30 minutes)" in capsys.readouterr().err

    def test_every_mistake_is_listed_before_anything_starts(self, tmp_path, monkeypatch,
                                                            served, capsys):
        """A broken copy stops the command with exit code 2 and every problem, line by line."""
        from ccexercise.cli import main

        bad = write(tmp_path, "# Run sheet: X\n\n## Hello\n\nHi.\n\n## Bye (0 min)\n\nBye.\n")
        monkeypatch.chdir(ROOT)
        assert main(["workshop", MODULE, "--run-sheet", str(bad)]) == 2
        assert served == []
        err = capsys.readouterr().err
        assert f"ccexercise workshop: 2 problems in the run sheet {bad}:" in err
        assert "\n  line 3: step heading '## Hello' has no minutes" in err
        assert "\n  line 7: the minutes of step 'Bye' must be a positive number" in err
