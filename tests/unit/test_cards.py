"""Tests for ccexercise.cards: the card types, loading and checking decks, dealing, the log.

Every validation message is asserted word for word; expected values
(counts, scores) are worked out by hand from the tiny decks written here.
"""

import csv
import io
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccexercise import cards
from ccexercise.cards import (
    CATEGORIES,
    KINDS,
    Card,
    CardError,
    CardProblem,
    Dealer,
    RoundLog,
    RoundResult,
    deal_order,
    debrief_summary,
    default_log_path,
    load_deck,
)

ROOT = Path(__file__).resolve().parents[2]
HEADER = ("id,title,setting,persona,difficulty,hidden_reason,category,may_say,signals,debrief")
GOOD = ('D1,Lunch break,clothing shop,A woman in a hurry,easy,No one opened the fitting room,'
        'waiting,"Sighs | Looks at her watch","Looks at the curtain | Mentions time",'
        '"What helped?"')


def csv_file(tmp_path, *rows, header=HEADER, name="mine.csv"):
    path = tmp_path / name
    path.write_text("\n".join((header,) + rows) + "\n", encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(CardError) as caught:
        load_deck(path)
    return caught.value.problems


def row(**changes):
    """The GOOD card with some columns changed, as one CSV line."""
    values = next(csv.DictReader(io.StringIO(HEADER + "\n" + GOOD + "\n")))
    values.update(changes)
    out = io.StringIO()
    csv.writer(out).writerow(values.values())
    return out.getvalue().strip()


def test_dunder_all_sorted_and_defined():
    """__all__ is sorted and every name in it exists."""
    assert list(cards.__all__) == sorted(cards.__all__)
    assert all(hasattr(cards, name) for name in cards.__all__)


def test_model_layer_imports_no_view_libraries():
    """Importing ccexercise.cards loads neither matplotlib nor ipywidgets nor fpdf."""
    probe = ("import sys, ccexercise.cards\n"
             "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython', 'fpdf')"
             " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


class TestCard:
    def test_good_card_loads_with_lists_split(self, tmp_path):
        """A good row loads; list cells are split at '|' and stripped."""
        deck = load_deck(csv_file(tmp_path, GOOD))
        card = deck[0]
        assert (deck.name, deck.kind, len(deck)) == ("mine", "dislike", 1)
        assert card.may_say == ("Sighs", "Looks at her watch")
        assert card.signals == ("Looks at the curtain", "Mentions time")
        assert card.hidden_reason == "No one opened the fitting room"
        assert card.source.endswith("mine.csv, line 2")

    def test_line_breaks_in_a_cell_split_a_list(self, tmp_path):
        """Items may also be separated by line breaks inside a cell (Alt+Enter)."""
        deck = load_deck(csv_file(tmp_path, row(signals="One\nTwo")))
        assert deck[0].signals == ("One", "Two")

    def test_front_never_holds_the_back(self):
        """No built-in dislike card shows its hidden reason or category on the front."""
        for card in load_deck("dislike"):
            front = " ".join(str(v) for _label, v in card.front())
            assert card.hidden_reason not in front
            assert ("Hidden reason", card.hidden_reason) in card.back()

    def test_unknown_field_attribute(self):
        """Asking a card for a field its kind lacks raises AttributeError."""
        card = load_deck("yes_and")[0]
        with pytest.raises(AttributeError, match="has no field 'hidden_reason'"):
            card.hidden_reason

    def test_unknown_kind(self):
        """A Card of an unknown kind is refused, naming the kinds."""
        with pytest.raises(ValueError, match="^kind must be one of dislike, yes_and"):
            Card("joke", {"id": "J1"})


class TestValidationMessages:
    def test_missing_hidden_reason(self, tmp_path):
        """An empty hidden reason is reported with file, line, card and field."""
        (problem,) = problems_of(csv_file(tmp_path, row(hidden_reason="  ")))
        assert problem == CardProblem(str(tmp_path / "mine.csv"), 2, "D1", "hidden_reason",
                                      "is empty; the hidden reason is the whole point of the "
                                      "card: write what the customer is really unhappy with")

    def test_unknown_category_with_suggestion(self, tmp_path):
        """An unknown category lists the allowed ones and suggests the closest."""
        (problem,) = problems_of(csv_file(tmp_path, row(category="wating")))
        assert problem.field == "category"
        assert problem.reason == ("must be one of " + ", ".join(CATEGORIES)
                                  + "; got 'wating' (did you mean 'waiting'?)")

    def test_unknown_category_without_suggestion(self, tmp_path):
        """With nothing close, no suggestion is made."""
        (problem,) = problems_of(csv_file(tmp_path, row(category="zzz")))
        assert problem.reason.endswith("; got 'zzz'")

    def test_duplicate_id(self, tmp_path):
        """A repeated id names the line where it was first used."""
        (problem,) = problems_of(csv_file(tmp_path, GOOD, row(title="Other")))
        assert (problem.line, problem.card, problem.field) == (3, "D1", "id")
        assert problem.reason == "is used again (first on line 2); every card needs its own id"

    def test_empty_id(self, tmp_path):
        """A card with no id is reported."""
        (problem,) = problems_of(csv_file(tmp_path, row(id="")))
        assert (problem.card, problem.field) == ("", "id")
        assert problem.reason == "is empty; every card needs an id such as D01"

    def test_bad_id_characters(self, tmp_path):
        """An id with spaces is refused."""
        (problem,) = problems_of(csv_file(tmp_path, row(id="D 1")))
        assert problem.reason == "may hold only letters, digits, '-' and '_', got 'D 1'"

    def test_text_too_long(self, tmp_path):
        """Text longer than a printed card holds is reported with both lengths."""
        limit = KINDS["dislike"].field("persona").max_chars
        (problem,) = problems_of(csv_file(tmp_path, row(persona="x" * (limit + 1))))
        assert problem.field == "persona"
        assert problem.reason == (f"is {limit + 1} characters long; a printed card has room "
                                  f"for {limit}")

    def test_list_too_long_in_total(self, tmp_path):
        """A list field's limit counts all its items together."""
        limit = KINDS["dislike"].field("signals").max_chars
        half = "y" * (limit // 2 + 1)
        (problem,) = problems_of(csv_file(tmp_path, row(signals=f"{half} | {half}")))
        assert problem.reason == (f"is {2 * len(half)} characters long; a printed card has "
                                  f"room for {limit}")

    def test_too_many_items(self, tmp_path):
        """A list with more items than the card has lines for is reported."""
        (problem,) = problems_of(csv_file(tmp_path, row(debrief="a | b | c")))
        assert problem.reason == "has 3 items; a printed card has room for 2"

    def test_empty_list(self, tmp_path):
        """An empty required list says how to separate items."""
        (problem,) = problems_of(csv_file(tmp_path, row(signals=" | ")))
        assert problem.reason == ("is empty; write signs a sharp manager should pick up, "
                                  "separated by '|'")

    def test_empty_text_field(self, tmp_path):
        """An empty required text field says what to write."""
        (problem,) = problems_of(csv_file(tmp_path, row(setting="")))
        assert problem.reason == ("is empty; write where it happens: shop, bank, clinic, "
                                  "taxi, hotel ...")

    def test_wrong_number_of_cells(self, tmp_path):
        """A row with a stray comma is reported, not dropped."""
        (problem,) = problems_of(csv_file(tmp_path, GOOD + ",extra"))
        assert (problem.line, problem.card) == (2, "D1")
        assert problem.reason == ("has 11 cells but the header has 10; is a comma inside a "
                                  "cell not quoted?")

    def test_five_mistakes_reported_at_once(self, tmp_path):
        """A trainer's file with five different mistakes gets all five, in line order."""
        path = csv_file(tmp_path, GOOD,
                        row(id="D2", hidden_reason=""),
                        row(id="D3", category="weather"),
                        row(id="D1", title="Copy"),
                        row(id="D4", title="t" * 80),
                        row(id="D5", difficulty="tricky"))
        problems = problems_of(path)
        assert [(p.line, p.field) for p in problems] == [
            (3, "hidden_reason"), (4, "category"), (5, "id"), (6, "title"), (7, "difficulty")]
        with pytest.raises(CardError) as caught:
            load_deck(path)
        message = str(caught.value)
        assert message.startswith(f"5 problems in the deck {path}:\n  line 3, card 'D2', field "
                                  "'hidden_reason': is empty")
        assert message.count("\n") == 5

    def test_line_numbers_after_multiline_cell(self, tmp_path):
        """A cell with a line break moves later cards' line numbers on, as an editor shows."""
        path = csv_file(tmp_path, row(signals="One\nTwo"), row(id="D2", category="x"))
        (problem,) = problems_of(path)
        assert problem.line == 4

    def test_report_mode_keeps_good_cards(self, tmp_path):
        """errors='report' returns the good cards and every problem; nothing disappears."""
        result = load_deck(csv_file(tmp_path, GOOD, row(id="D2", category="x")),
                           errors="report")
        assert [c.id for c in result.deck] == ["D1"]
        assert [p.card for p in result.problems] == ["D2"]

    def test_bad_errors_argument(self):
        """errors must be 'raise' or 'report'."""
        with pytest.raises(ValueError, match=r"^errors must be 'raise' or 'report', got 'skip'$"):
            load_deck("dislike", errors="skip")


class TestFileProblems:
    def test_columns_match_no_kind(self, tmp_path):
        """Columns of no card type name the closest type and what it still needs."""
        (problem,) = problems_of(csv_file(tmp_path, "Y1,Lift", header="id,title,situaton"))
        assert problem.reason == ("the columns ['id', 'title', 'situaton'] match no card type; "
                                  "closest is 'yes_and' (Yes, and ...), which also needs "
                                  "['situation', 'first_line']")

    def test_unknown_column(self, tmp_path):
        """An extra column is reported rather than ignored."""
        (problem,) = problems_of(csv_file(tmp_path, "Y1,Lift,Stuck,Yes and,x",
                                          header="id,title,situation,first_line,notes"))
        assert (problem.line, problem.field) == (1, "notes")
        assert problem.reason == ("is not a column of a 'yes_and' card; the columns are "
                                  "id, title, situation, first_line")

    def test_empty_file(self, tmp_path):
        """An empty file says what the first row must hold."""
        path = tmp_path / "empty.csv"
        path.write_text("\n", encoding="utf-8")
        (problem,) = problems_of(path)
        assert problem.reason == ("is empty; the first row must name the columns "
                                  "(copy docs/cards-template.csv)")

    def test_semicolons(self, tmp_path):
        """A semicolon-separated export is recognised."""
        (problem,) = problems_of(csv_file(tmp_path, "Y1;Lift;a;b",
                                          header="id;title;situation;first_line"))
        assert problem.reason == "uses ';' between values; save it as comma-separated CSV"

    def test_not_utf8(self, tmp_path):
        """A file that is not UTF-8 says how to save it."""
        path = tmp_path / "latin.csv"
        path.write_bytes("id,title,situation,first_line\nY1,Caf\xe9,a,b\n".encode("latin-1"))
        (problem,) = problems_of(path)
        assert problem.reason == ("is not UTF-8 text (byte 36); save it from the spreadsheet "
                                  "as 'CSV UTF-8'")

    def test_missing_file(self, tmp_path):
        """A missing file raises FileNotFoundError naming it."""
        with pytest.raises(FileNotFoundError, match="^deck file '.*nope.csv' does not exist"):
            load_deck(tmp_path / "nope.csv")

    def test_unknown_builtin_name(self):
        """A bare word that is no built-in deck lists the built-in decks."""
        with pytest.raises(ValueError, match="^deck must be a built-in deck \\(dislike, "):
            load_deck("jokes")

    def test_wrong_type(self):
        """A number is not a deck."""
        with pytest.raises(TypeError, match="^deck must be a deck name, a file name, a path "
                                            "or an open file, got 5 \\(a int\\)$"):
            load_deck(5)


class TestYaml:
    def test_yaml_deck_loads(self, tmp_path):
        """A YAML list of cards loads like the CSV, lists as YAML lists."""
        path = tmp_path / "mine.yaml"
        path.write_text("- id: Y1\n  title: Lift\n  situation: Stuck in a lift\n"
                        "  first_line: Yes, and ...\n", encoding="utf-8")
        deck = load_deck(path)
        assert (deck.kind, deck[0].situation) == ("yes_and", "Stuck in a lift")

    def test_yaml_problems_have_lines(self, tmp_path):
        """YAML problems name the line where the card starts."""
        path = tmp_path / "mine.yml"
        path.write_text("- id: P1\n  title: Child\n  description: Five\n  tip: Toys\n"
                        "- id: P1\n  title: Teen\n  description: ''\n  tip: Short\n  age: 15\n",
                        encoding="utf-8")
        problems = problems_of(path)
        assert [(p.line, p.field) for p in problems] == [(5, "age"), (5, "id"),
                                                          (5, "description")]

    def test_yaml_not_a_list(self, tmp_path):
        """A YAML file that is not a list says how a card starts."""
        path = tmp_path / "mine.yaml"
        path.write_text("id: Y1\n", encoding="utf-8")
        (problem,) = problems_of(path)
        assert problem.reason == "must be a YAML list of cards, each starting with '- id: ...'"


class TestBuiltinDecks:
    @pytest.mark.parametrize("name", list(cards.BUILTIN_DECKS))
    def test_loads_without_problems(self, name):
        """Every built-in deck loads with no problem."""
        assert load_deck(name, errors="report").problems == ()

    def test_dislike_deck_size_and_spread(self):
        """At least 30 dislike cards, every category and difficulty used."""
        deck = load_deck("dislike")
        assert len(deck) >= 30
        assert {c.category for c in deck} == set(CATEGORIES)
        assert {c.difficulty for c in deck} == set(cards.DIFFICULTIES)

    @pytest.mark.parametrize(("name", "rounds"), [
        # A day: 6 hours of play; one card per round of the shortest round length.
        ("yes_and", 6 * 60 // 15),          # 3-5 min play + 10 min debrief
        ("professions", 6 * 60 // 20),      # 5-10 min writing + pitch and debrief
        ("small_talk", 6 * 60 // 15),
        ("explain_personas", 6 * 60 // 30),
        ("explain_products", 6 * 60 // 30),
    ])
    def test_deck_covers_a_day(self, name, rounds):
        """Each game's deck has more cards than a day of rounds can use."""
        assert len(load_deck(name)) >= rounds

    def test_small_talk_uses_all_six_techniques(self):
        """The small-talk deck practises every one of the six techniques."""
        allowed = set(KINDS["small_talk"].field("technique").allowed)
        assert len(allowed) == 6
        assert {c.technique for c in load_deck("small_talk")} == allowed


class TestTemplates:
    @pytest.mark.parametrize("path", [ROOT / "docs" / "cards-template.csv",
                                      *sorted((ROOT / "docs" / "card-templates").glob("*.csv"))])
    def test_template_loads(self, path):
        """Every template a trainer copies loads with no problem, two example cards each."""
        assert len(load_deck(path)) == 2

    def test_a_template_for_every_deck(self):
        """There is a template for each built-in deck."""
        names = {p.stem for p in (ROOT / "docs" / "card-templates").glob("*.csv")}
        assert names == set(cards.BUILTIN_DECKS)


class TestDealing:
    def test_deal_order_by_hand(self):
        """deal_order is random.Random(seed).shuffle on a copy."""
        import random

        expected = list("ABCDE")
        random.Random(9).shuffle(expected)
        source = list("ABCDE")
        assert deal_order(source, seed=9) == expected
        assert source == list("ABCDE")

    def test_skip_cards_already_played(self):
        """Cards (or ids) to skip are never dealt."""
        deck = load_deck("yes_and")
        skip = {deck[0].id, deck[1]}
        dealer = Dealer(deck, seed=3, skip=skip)
        dealt = [dealer.deal() for _ in range(dealer.remaining)]
        assert len(dealt) == len(deck) - 2
        assert deck[0] not in dealt and deck[1] not in dealt

    def test_bad_seed(self):
        """A seed that is not a whole number is refused."""
        with pytest.raises(TypeError, match=r"^seed must be a whole number or None, got '1'"):
            Dealer(["A"], seed="1")

    def test_bad_cards(self):
        """A string is not a list of cards."""
        with pytest.raises(TypeError, match="^cards must be a deck or a list of cards"):
            Dealer("ABC")

    @settings(max_examples=60, deadline=None)
    @given(size=st.integers(1, 40), seed=st.integers(0, 2**32), skip=st.sets(st.integers(0, 39)))
    def test_never_repeats_and_covers_the_rest(self, size, seed, skip):
        """A session deals each card at most once, and every card not skipped exactly once."""
        items = list(range(size))
        dealer = Dealer(items, seed=seed, skip=skip)
        dealt = [dealer.deal() for _ in range(dealer.remaining)]
        assert len(dealt) == len(set(dealt))
        assert set(dealt) == set(items) - skip
        with pytest.raises(ValueError, match=f"^all {size} cards have been dealt"):
            dealer.deal()

    @settings(max_examples=40, deadline=None)
    @given(seed=st.integers(0, 2**32))
    def test_same_seed_same_order(self, seed):
        """Two dealers with the same seed deal the built-in deck in the same order."""
        deck = load_deck("dislike")
        one, two = Dealer(deck, seed=seed), Dealer(deck, seed=seed)
        assert [one.deal().id for _ in range(10)] == [two.deal().id for _ in range(10)]


class TestRoundLog:
    def result(self, n, outcome="found", category="waiting", missed=()):
        return RoundResult(n, f"D{n}", "Title", category, "a guess, with comma", outcome,
                           ("Seen",), tuple(missed))

    def test_written_at_once_and_read_back(self, tmp_path):
        """Each result is on disk as soon as it is added; a new log reads them all back."""
        path = tmp_path / "rounds.csv"
        log = RoundLog(path)
        log.add(self.result(1))
        assert len(list(csv.DictReader(path.open(encoding="utf-8")))) == 1
        log.add(self.result(2, "partly", missed=("Frowns", "Sighs")))
        again = RoundLog(path)
        assert [(r.round, r.outcome, r.signals_missed) for r in again.results] == [
            (1, "found", ()), (2, "partly", ("Frowns", "Sighs"))]
        assert again.results[0].guess == "a guess, with comma"
        assert re.match(r"^\d{4}-\d\d-\d\dT", again.results[0].time)

    def test_bad_outcome(self):
        """An outcome other than found/partly/missed is refused."""
        with pytest.raises(ValueError, match="^outcome must be one of found, partly, missed, "
                                             "got 'maybe'$"):
            self.result(1, "maybe")

    def test_damaged_file_names_the_line(self, tmp_path):
        """A hand-edited log's bad rows are all reported with their lines, not skipped."""
        path = tmp_path / "rounds.csv"
        RoundLog(path).add(self.result(1))
        with path.open("a", encoding="utf-8") as file:
            file.write("2,D2,Title,waiting,guess,maybe,,,\n")
        with path.open("a", encoding="utf-8") as file:
            file.write("x,D3,Title,waiting,guess,found,,,\n")
        with pytest.raises(ValueError, match=f"^2 problems in the round log "
                                             f"{re.escape(str(path))}:\n  line 3: outcome must be one of found, "
                                             "partly, missed, got 'maybe'; fix or remove that row"
                                             "\n  line 4: invalid literal for int"):
            RoundLog(path)

    def test_bad_path(self):
        """The log needs a file name."""
        with pytest.raises(TypeError, match="^path must be a file name or a path, got 3"):
            RoundLog(3)

    def test_clock_stamps_the_round(self, tmp_path):
        """A round with no time is stamped by the log's clock, not the computer's."""
        log = RoundLog(tmp_path / "r.csv", clock=lambda: datetime(2031, 1, 2, 3, 4, 5))
        assert log.add(self.result(1)).time == "2031-01-02T03:04:05"


class TestDefaultLogPath:
    def test_clock_names_the_file(self, tmp_path, monkeypatch):
        """The day comes from the clock; the folder is the working folder unless given."""
        monkeypatch.chdir(tmp_path)
        day = lambda: datetime(2031, 1, 2, 23, 59)  # noqa: E731
        assert default_log_path(clock=day) == tmp_path / "case_card_rounds_2031-01-02.csv"
        assert default_log_path("/x", clock=day) == Path("/x/case_card_rounds_2031-01-02.csv")


class TestDebrief:
    def test_summary_by_hand(self):
        """Score 1 + 0 + 0.5 + 1 = 2.5; waiting (1 + 0.5) / 2 = 0.75, price 0, staff 1."""
        results = [
            RoundResult(1, "D1", "t", "waiting", "g", "found"),
            RoundResult(2, "D2", "t", "price surprise", "g", "missed", (), ("A", "B")),
            RoundResult(3, "D3", "t", "waiting", "g", "partly", ("C",), ("A",)),
            RoundResult(4, "D4", "t", "staff attitude", "g", "found"),
        ]
        summary = debrief_summary(results)
        assert summary.rounds == 4
        assert summary.score == 2.5
        assert summary.by_category == {"waiting": 0.75, "price surprise": 0.0,
                                       "staff attitude": 1.0}
        assert summary.found_most == ("staff attitude",)
        assert summary.found_least == ("price surprise",)
        assert summary.signals_missed == (("A", 2), ("B", 1))
        assert "Signals missed: A (2 times); B" in str(summary)

    def test_empty(self):
        """No rounds: nothing found, a plain message."""
        summary = debrief_summary([])
        assert (summary.rounds, summary.score, summary.found_most) == (0, 0, ())
        assert str(summary) == "No rounds played yet."

    def test_wrong_type(self):
        """Only RoundResults are summed up."""
        with pytest.raises(TypeError, match=r"^results\[0\] must be a RoundResult"):
            debrief_summary(["found"])


class TestCheckCard:
    GOOD = {"id": "M1", "title": "The lost booking", "setting": "hotel",
            "persona": "A businessman arriving late at night.", "difficulty": "medium",
            "hidden_reason": "His booked room was given away and nobody apologised.",
            "category": "broken promise", "may_say": ["I did book, you know.", "Shows an email"],
            "signals": ["Holds up his phone", "Mentions the booking"],
            "debrief": ["What should the receptionist have said first?"]}

    def test_good_card(self):
        """A complete, correct card has no problems."""
        assert cards.check_card(dict(self.GOOD)) == []

    def test_lists_may_be_text(self):
        """A list field may also be one text with '|' between items."""
        assert cards.check_card({**self.GOOD, "signals": "Phone | Booking"}) == []

    def test_every_problem_once(self):
        """Wrong types, ..., unknown and missing fields, and rule breaks are all reported once."""
        values = {**self.GOOD, "title": 5, "persona": ..., "colour": "red", "category": "rude",
                  "signals": [1, 2]}
        del values["setting"]
        found = [(p.field, p.reason) for p in cards.check_card(values)]
        assert found == [
            ("title", "must be text in quotes, got 5 (a int)"),
            ("persona", "is still ... : replace it with text in quotes"),
            ("signals", "must be text in quotes, or a list of texts, got [1, 2] (a list)"),
            ("colour", "is not a field of a 'dislike' card; the fields are "
                       + ", ".join(KINDS["dislike"].columns)),
            ("setting", "is missing"),
            ("category", "must be one of " + ", ".join(CATEGORIES) + "; got 'rude'"),
        ]

    def test_problem_text_without_line(self):
        """A card written in Python has no line; the message starts at the card."""
        (problem,) = cards.check_card({**self.GOOD, "difficulty": "tricky"})
        assert str(problem) == ("card 'M1', field 'difficulty': must be one of easy, medium, "
                                "hard; got 'tricky'")

    def test_not_a_dict(self):
        """A card must be a dict."""
        with pytest.raises(TypeError, match="^values must be a dict of column name: text, "
                                            "got 'card' \\(a str\\)$"):
            cards.check_card("card")


class TestKeyWords:
    def test_rule_by_hand(self):
        """Lower case, punctuation, stop words, words under 3 letters and endings all go."""
        assert cards.key_words("The Queue's at the door, isn't it? We'd waited.") == {
            "queu", "door", "wait"}

    @pytest.mark.parametrize(("one", "other"), [
        ("queue", "queues"), ("queue", "queued"), ("wait", "waiting"), ("wait", "waited"),
        ("fee", "fees"), ("stop", "stopped"), ("party", "parties"), ("call", "calling")])
    def test_forms_of_a_word_meet(self, one, other):
        """Plural, -ing and -ed forms have the same stem."""
        assert cards.key_words(one) == cards.key_words(other)

    def test_short_and_stop_words_ignored(self):
        """'to', 'an', 'the', 'she', 'customer', 'asks' are never key words."""
        assert cards.key_words("She asks to see an ID; the customer says no") == set()

    def test_a_list_is_one_text(self):
        """A list field's items are read together."""
        assert cards.key_words(("Looks at the clock", "Sighs")) == {"look", "clock", "sigh"}


def dislike_card(**changes):
    values = {"id": "X1", "title": "A father at the desk", "setting": "clinic",
              "persona": "A father with a sick boy", "arrival": "He asks for his file",
              "difficulty": "easy", "hidden_reason": "The clinic queue took an hour",
              "category": "waiting", "may_say": ("Sighs",), "signals": ("Looks at the clock",),
              "debrief": ("What helped?",)}
    values.update(changes)
    return Card("dislike", values)


class TestGiveawayWarnings:
    WHY = ("the manager sees this side, so say what a manager would see (where, who, what "
           "they do), not what went wrong")

    def test_title_sharing_a_word(self):
        """A title with a word of the reason is warned about, naming card, field and word."""
        (warning,) = cards.card_warnings(dislike_card(title="The long queues"), file="f.csv",
                                         line=4)
        assert warning == CardProblem("f.csv", 4, "X1", "title",
                                      "shares the word 'queues' with the hidden reason; "
                                      + self.WHY)

    def test_every_front_field_and_every_word(self):
        """The title and the arrival are both checked; each shared word is listed once."""
        card = dislike_card(title="An hour in the queue",
                            arrival="He has queued for an hour, he says, a whole hour")
        assert cards.shared_key_words(card) == {"title": ("hour", "queue"),
                                                "arrival": ("queued", "hour")}
        (_title, arrival) = cards.card_warnings(card)
        assert arrival.reason.startswith("shares the words 'queued', 'hour' with")

    def test_words_of_the_setting_do_not_count(self):
        """A clinic card may say 'clinic': the setting's words are context."""
        assert cards.card_warnings(dislike_card(title="A father at the clinic")) == []

    def test_words_of_the_persona_do_not_count(self):
        """A word the customer's description also uses (a sick boy) is context too."""
        card = dislike_card(title="A boy with a temperature",
                            hidden_reason="The doctor never looked at the boy")
        assert cards.card_warnings(card) == []
        assert cards.shared_key_words(dislike_card(
            title="The doctor's look", hidden_reason="The doctor never looked at the boy")) == {
                "title": ("doctor", "look")}

    def test_context_and_fixed_fields_not_checked(self):
        """The setting, the customer and the difficulty themselves are never warned about."""
        card = dislike_card(persona="A father who hates the queue", difficulty="easy",
                            hidden_reason="An easy job took an hour in the queue")
        assert cards.card_warnings(card) == []

    def test_other_kinds_have_nothing_to_give_away(self):
        """A card with no back has no secret and no warnings."""
        assert cards.card_warnings(load_deck("yes_and")[0]) == []

    def test_a_deck_with_warnings_still_loads(self, tmp_path):
        """The warning is kept with the deck; the card loads."""
        path = csv_file(tmp_path, GOOD, row(id="D2", title="The fitting room"))
        deck = load_deck(path)
        assert [c.id for c in deck] == ["D1", "D2"]
        (warning,) = deck.warnings
        assert (warning.file, warning.line, warning.card, warning.field) == (
            str(path), 3, "D2", "title")
        assert warning.reason.startswith("shares the words 'fitting', 'room' with the hidden")
        assert load_deck(path, errors="report").warnings == deck.warnings

    def test_check_command_lists_warnings(self, tmp_path, capsys):
        """`ccexercise cards check` lists each warning with its card, field and word; exit 0."""
        from ccexercise.cli import main

        path = csv_file(tmp_path, GOOD, row(id="D2", title="Opened too late"))
        assert main(["cards", "check", str(path)]) == 0
        out = capsys.readouterr().out
        assert f"{path}: 2 cards, no problems\n{path}: 1 warning (the deck still loads" in out
        assert ("  line 3, card 'D2', field 'title': shares the word 'opened' with the hidden "
                "reason; ") in out


class TestHonestDislikeDeck:
    """The built-in cards give nothing away and do not repeat each other."""

    def test_no_builtin_card_warns(self):
        """Every built-in dislike card passes the give-away check with no warning."""
        deck = load_deck("dislike")
        assert deck.warnings == ()
        assert [cards.card_warnings(card) for card in deck if cards.card_warnings(card)] == []

    @pytest.mark.parametrize("card", load_deck("dislike").cards, ids=lambda c: c.id)
    def test_manager_view_holds_no_key_word_of_the_reason(self, card):
        """The front HTML holds no key word of the reason, bar the setting's and customer's."""
        from html import unescape

        from ccexercise.views import card_html

        shown = unescape(re.sub(r"<[^>]+>", " ", card_html(card, "front")))
        context = cards.key_words(card.setting) | cards.key_words(card.persona)
        assert (cards.key_words(shown) & cards.key_words(card.hidden_reason)) - context == set()

    def test_every_card_says_what_they_do(self):
        """Each built-in card says what the customer does as they come in."""
        assert all(card.arrival for card in load_deck("dislike"))

    def test_no_two_cards_alike(self):
        """No two cards share a setting and a category, a title or a reason: 34 situations."""
        deck = load_deck("dislike")
        for key in (lambda c: (c.setting, c.category), lambda c: c.title,
                    lambda c: c.hidden_reason):
            assert len({key(c) for c in deck}) == len(deck)

    def test_lesson_try_it_answer_is_d05s_category(self):
        """The lesson's self-check 06.try_category accepts D05's category, and only that."""
        import ccexercise as cc

        category = load_deck("dislike").by_id("D05").category
        assert cc.check("06.try_category", category).passed
        assert not any(cc.check("06.try_category", c).passed for c in CATEGORIES
                       if c != category)

    def test_old_deck_without_arrival_loads(self, tmp_path):
        """A trainer's deck from before the 'arrival' column loads; the field is empty."""
        deck = load_deck(csv_file(tmp_path, GOOD))
        assert deck[0].arrival == ""
        assert [label for label, _v in deck[0].front()] == ["Setting", "Customer", "Difficulty"]
        assert cards.check_card({k: v for k, v in TestCheckCard.GOOD.items()}) == []


class TestSmallTalkDeck:
    def test_old_technique_names_still_accepted(self, tmp_path):
        """'quote the partner' and 'positive affirmation' load as their new names."""
        path = csv_file(tmp_path, "S1,Lift,quote the partner,By the lift,You said ...",
                        "S2,Lift,Positive Affirmation,By the lift,Good week ahead",
                        header="id,title,technique,situation,example")
        assert [c.technique for c in load_deck(path)] == ["recall their words",
                                                          "a positive remark"]
        assert cards.check_card({"id": "S3", "title": "Lift", "technique": "quote the partner",
                                 "situation": "By the lift", "example": "You said ..."},
                                kind="small_talk") == []

    def test_unknown_technique_still_refused(self, tmp_path):
        """A technique that is neither a name nor an old name is refused, naming the six."""
        path = csv_file(tmp_path, "S1,Lift,flatter,By the lift,Nice tie",
                        header="id,title,technique,situation,example")
        (problem,) = problems_of(path)
        assert problem.reason == ("must be one of " + ", ".join(cards.SMALL_TALK_TECHNIQUES)
                                  + "; got 'flatter'")

    def test_real_variety(self):
        """Every card its own situation; each technique at least four times."""
        deck = load_deck("small_talk")
        assert len({c.situation for c in deck}) == len(deck)
        assert len({c.title for c in deck}) == len(deck)
        counts = {t: sum(c.technique == t for c in deck) for t in cards.SMALL_TALK_TECHNIQUES}
        assert min(counts.values()) >= 4, counts
