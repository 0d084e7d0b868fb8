"""Tests for ccexercise.skit: scene cards, ratings, the session file and the comparison.

Expected values are worked out by hand in each test (tones: angry -1,
calm 0, delighted +1 and so on, as the source text pairs emotions with the
three levels).
"""

import csv
import os
import re
import signal
import subprocess
import sys
import textwrap
from datetime import datetime
from enum import Enum
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccexercise.skit import (
    COLUMNS,
    EMOTIONS,
    SKIT_LEVELS,
    RatingSession,
    SceneCard,
    SkitRating,
    compare_skits,
    default_session_path,
    parse_names,
    parse_scores,
)

PROPERTY = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])
FIXED = datetime(2026, 12, 2, 10, 15, 0)


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def clock():
    return FIXED


def card(skit="Team 1", level="Low"):
    return SceneCard(skit, level, place="a shoe shop", purchase="winter boots",
                     expectation="help to find my size")


class TestSceneCard:
    def test_fields(self):
        """A card keeps its fields, trimmed, and its level in the standard spelling."""
        c = SceneCard(" Team 2 ", "standard", " a café ", "a latte", "a hot drink")
        assert (c.skit, c.level, c.place, c.purchase, c.expectation) == (
            "Team 2", "Standard", "a café", "a latte", "a hot drink")

    @pytest.mark.parametrize("given_level, stored", [("LOW", "Low"), ("wow", "WOW"),
                                                     ("Standard", "Standard")])
    def test_level_any_case(self, given_level, stored):
        """Levels are read whatever their case."""
        assert card(level=given_level).level == stored

    def test_level_from_enum(self):
        """An Enum member named LOW/STANDARD/WOW (as cc.ServiceLevel) is accepted."""
        Level = Enum("Level", ["LOW", "STANDARD", "WOW"])
        assert card(level=Level.WOW).level == "WOW"

    def test_bad_level(self):
        """An unknown level names the three allowed ones."""
        with raises(ValueError, "level must be one of Low, Standard, WOW, got 'Great'"):
            card(level="Great")

    def test_empty_place(self):
        """Empty text is refused, naming the field."""
        with raises(ValueError, "place must not be empty, got '  '"):
            SceneCard("T", "Low", "  ", "boots", "help")

    def test_not_text(self):
        """A number where text is needed is a TypeError."""
        with raises(TypeError, "purchase must be text (a str), got 5 (a int)"):
            SceneCard("T", "Low", "shop", 5, "help")

    def test_one_line(self):
        """Text must stay on one line (it is shown on one line and stored as one row)."""
        with raises(ValueError, "expectation must be one line, got 'fast\\nand kind'"):
            SceneCard("T", "Low", "shop", "boots", "fast\nand kind")

    def test_sentence(self):
        """The customer's intro reads as the source's three questions answered."""
        assert card().sentence() == ("I go to a shoe shop to buy winter boots. "
                                     "I expect help to find my size.")


class TestSkitRating:
    def test_felt_levels(self):
        """Negative tones feel Low, neutral Standard, positive WOW (by hand: -1, 0, +1)."""
        assert SkitRating("A", ["angry", "ignored"], 1).felt_level == "Low"
        assert SkitRating("A", ["calm", "indifferent"], 5).felt_level == "Standard"
        assert SkitRating("A", ["delighted"], 10).felt_level == "WOW"

    def test_mixed_mood(self):
        """Mood is the mean tone: pleased (+1), calm (0), irritated (-1) -> 0."""
        rating = SkitRating("A", ["pleased", "calm", "irritated"], 5)
        assert rating.mood == 0
        assert rating.felt_level == "Standard"
        assert SkitRating("A", ["pleased", "calm"], 5).mood == 0.5

    def test_room(self):
        """The room's ratings are kept in order with their mean: (7 + 8 + 9) / 3 = 8."""
        rating = SkitRating("A", ["calm"], 6, room=[7, 8, 9])
        assert rating.room == (7, 8, 9) and rating.room_mean == 8
        assert SkitRating("A", ["calm"], 6).room_mean is None

    def test_emotions_as_tuple(self):
        """A list of emotions is stored as a tuple."""
        assert SkitRating("A", ["calm"], 6).emotions == ("calm",)

    def test_one_text_emotion(self):
        """One word instead of a list gets a 'did you mean' hint."""
        with raises(TypeError, "emotions must be a list of words, got one text 'calm' "
                               "(did you mean ['calm']?)"):
            SkitRating("A", "calm", 6)

    def test_no_emotions(self):
        """At least one emotion is needed."""
        with raises(ValueError, "emotions must hold at least one word, got an empty list"):
            SkitRating("A", [], 6)

    def test_unknown_emotion(self):
        """An emotion off the short list is refused, naming its position."""
        with raises(ValueError, f"emotions[1] must be one of {', '.join(EMOTIONS)}, got 'sad'"):
            SkitRating("A", ["calm", "sad"], 6)

    def test_repeated_emotion(self):
        """The same emotion twice is a slip, not twice the weight."""
        with raises(ValueError, "emotions must not repeat a word, got ['calm', 'calm']"):
            SkitRating("A", ["calm", "calm"], 6)

    @pytest.mark.parametrize("value, kind, message", [
        (0, ValueError, "come_back must be 1 or more, got 0"),
        (11, ValueError, "come_back must be 10 or less, got 11"),
        (6.0, TypeError, "come_back must be a whole number from 1 to 10, got 6.0"),
        ("6", TypeError, "come_back must be a whole number, got '6' (a str)"),
        (True, TypeError, "come_back must be a whole number, got True (a bool)"),
    ])
    def test_bad_come_back(self, value, kind, message):
        """The wish to come back is a whole number from 1 to 10."""
        with raises(kind, message):
            SkitRating("A", ["calm"], value)

    def test_bad_room(self):
        """A room rating off the scale names its position."""
        with raises(ValueError, "room[2] must be 10 or less, got 12"):
            SkitRating("A", ["calm"], 5, room=[5, 6, 12])
        with raises(TypeError, "room must be a list of whole numbers from 1 to 10, "
                               "got '5, 6' (a str)"):
            SkitRating("A", ["calm"], 5, room="5, 6")

    @PROPERTY
    @given(emotions=st.lists(st.sampled_from(list(EMOTIONS)), min_size=1, unique=True))
    def test_felt_level_follows_mood(self, emotions):
        """Whatever the emotions, the felt level is Low/Standard/WOW as the mood is <0/0/>0."""
        rating = SkitRating("A", emotions, 5)
        tones = [EMOTIONS[e] for e in emotions]
        assert -1 <= rating.mood <= 1
        expected = "Low" if sum(tones) < 0 else "WOW" if sum(tones) > 0 else "Standard"
        assert rating.felt_level == expected


class TestSession:
    def test_file_made_with_first_line(self, tmp_path):
        """Opening a session writes nothing; the first rating makes the file with its header."""
        path = tmp_path / "new folder" / "s.csv"
        session = RatingSession(path, clock=clock)
        assert not path.exists()
        session.add_rating(SkitRating("A", ["calm"], 5))
        lines = path.read_text().splitlines()
        assert lines[0] == ",".join(COLUMNS) and len(lines) == 2

    def test_rows_written_at_once(self, tmp_path):
        """Each card and rating is on disk as soon as add_* returns."""
        path = tmp_path / "s.csv"
        session = RatingSession(path, clock=clock)
        session.add_scene(card())
        session.add_rating(SkitRating("Team 1", ["angry", "ignored"], 2, room=[3, 4]))
        rows = list(csv.reader(path.read_text().splitlines()))
        assert rows[1] == ["2026-12-02T10:15:00", "scene", "Team 1", "Low", "a shoe shop",
                           "winter boots", "help to find my size", "", "", ""]
        assert rows[2] == ["2026-12-02T10:15:00", "rating", "Team 1", "", "", "", "",
                           "angry;ignored", "2", "3;4"]

    def test_reload(self, tmp_path):
        """A new session on the same file finds every card and rating, equal to the originals."""
        path = tmp_path / "s.csv"
        session = RatingSession(path, clock=clock)
        cards = [card("Team 1", "Low"), card("Team 2, the best", "WOW")]
        ratings = [SkitRating("Team 1", ["angry"], 1),
                   SkitRating("Team 2, the best", ["pleasantly surprised", "grateful"], 9,
                              room=[8, 10])]
        for c in cards:
            session.add_scene(c)
        for r in ratings:
            session.add_rating(r)
        again = RatingSession(path)
        assert again.scenes == cards and again.ratings == ratings and again.rejected == []

    def test_text_with_commas_and_quotes(self, tmp_path):
        """Commas and quotes in the customer's words survive the file."""
        path = tmp_path / "s.csv"
        c = SceneCard('Team "A"', "WOW", "a café, downtown", 'a "flat white"', "speed, a smile")
        RatingSession(path).add_scene(c)
        assert RatingSession(path).scenes == [c]

    def test_half_line_reported_and_next_line_kept(self, tmp_path):
        """A half-written last line is reported, and a rating added after it is not swallowed."""
        path = tmp_path / "s.csv"
        session = RatingSession(path, clock=clock)
        session.add_rating(SkitRating("A", ["calm"], 5))
        with open(path, "a") as handle:
            handle.write("2026-12-02T10:16:00,rating,B,,,,,delig")
        reopened = RatingSession(path, clock=clock)
        assert [r.skit for r in reopened.ratings] == ["A"]
        assert len(reopened.rejected) == 1
        assert reopened.rejected[0].line == 3
        assert reopened.rejected[0].reason == "expected 10 values, got 8"
        reopened.add_rating(SkitRating("C", ["delighted"], 10))
        third = RatingSession(path)
        assert [r.skit for r in third.ratings] == ["A", "C"]
        assert len(third.rejected) == 1

    def test_bad_value_reported(self, tmp_path):
        """A line with a value off the scale is reported with the reason, not dropped."""
        path = tmp_path / "s.csv"
        path.write_text(",".join(COLUMNS) + "\n")
        with open(path, "a") as handle:
            handle.write("2026-12-02T10:16:00,rating,B,,,,,calm,12,\n")
            handle.write("2026-12-02T10:16:00,rating,B,,,,,calm,x,\n")
            handle.write("2026-12-02T10:16:00,joke,B,,,,,calm,5,\n")
        reasons = [r.reason for r in RatingSession(path).rejected]
        assert reasons == ["come_back must be 10 or less, got 12",
                           "expected a whole number, got 'x'",
                           "kind must be 'scene' or 'rating', got 'joke'"]

    def test_not_a_session_file(self, tmp_path):
        """Pointing a session at some other CSV raises instead of appending to it."""
        path = tmp_path / "other.csv"
        path.write_text("name,score\nAnn,3\n")
        with raises(ValueError, f"{path} is not a skit session file: its first line must be "
                                f"{','.join(COLUMNS)!r}, got 'name,score'"):
            RatingSession(path)
        assert path.read_text() == "name,score\nAnn,3\n"

    def test_wrong_things_added(self, tmp_path):
        """add_scene and add_rating refuse the wrong objects."""
        session = RatingSession(tmp_path / "s.csv")
        with raises(TypeError, "card must be a SceneCard, got 'x' (a str)"):
            session.add_scene("x")
        with raises(TypeError, "rating must be a SkitRating, got 3 (a int)"):
            session.add_rating(3)

    def test_bad_path(self):
        """The path must be a path."""
        with raises(TypeError, "path must be a file path, got 3 (a int)"):
            RatingSession(3)

    def test_default_path(self, tmp_path, monkeypatch):
        """The default file is named after the day, in the given folder, else $CCEXERCISE_SESSION_DIR, else here."""
        monkeypatch.delenv("CCEXERCISE_SESSION_DIR", raising=False)
        assert default_session_path(tmp_path, clock=clock) == tmp_path / "skit-ratings-2026-12-02.csv"
        monkeypatch.chdir(tmp_path)
        assert default_session_path(clock=clock) == tmp_path / "skit-ratings-2026-12-02.csv"
        monkeypatch.setenv("CCEXERCISE_SESSION_DIR", str(tmp_path / "sessions"))
        assert default_session_path(clock=clock) == tmp_path / "sessions" / "skit-ratings-2026-12-02.csv"

    @PROPERTY
    @given(data=st.lists(st.tuples(
        st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1).filter(str.strip),
        st.lists(st.sampled_from(list(EMOTIONS)), min_size=1, max_size=4, unique=True),
        st.integers(1, 10), st.lists(st.integers(1, 10), max_size=5)), max_size=8))
    def test_round_trip(self, tmp_path_factory, data):
        """Whatever is entered (any names, emotions, scores) reloads equal, in order."""
        path = tmp_path_factory.mktemp("rt") / "s.csv"
        session = RatingSession(path, clock=clock)
        ratings = [SkitRating(name, emotions, back, room)
                   for name, emotions, back, room in data]
        for rating in ratings:
            session.add_rating(rating)
        assert RatingSession(path).ratings == ratings


# The writer in the kill test: adds numbered ratings forever, printing each
# number once add_rating has returned, until it is killed.
WRITER = textwrap.dedent("""
    import sys
    from ccexercise.skit import RatingSession, SkitRating
    session = RatingSession(sys.argv[1])
    i = 0
    while True:
        i += 1
        session.add_rating(SkitRating(f"skit {i}", ["calm"], i % 10 + 1, room=[i % 10 + 1]))
        print(i, flush=True)
""")


def test_killed_session_loses_nothing(tmp_path):
    """A process writing ratings is killed with SIGKILL mid-way; reloading finds every one it confirmed."""
    path = tmp_path / "s.csv"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                              stdout=subprocess.PIPE, text=True, env=env)
    confirmed = 0
    for line in writer.stdout:
        confirmed = int(line)
        if confirmed >= 40:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    session = RatingSession(path)
    names = [r.skit for r in session.ratings]
    # Every rating the writer confirmed is there, in order; one more may
    # have been written between the last print and the kill.
    assert names[:confirmed] == [f"skit {i}" for i in range(1, confirmed + 1)]
    assert len(names) - confirmed in (0, 1, 2)
    assert [r.come_back for r in session.ratings[:confirmed]] == \
        [i % 10 + 1 for i in range(1, confirmed + 1)]
    assert len(session.rejected) <= 1  # at most the line cut by the kill
    # The restarted session goes on writing, and the next reload finds that too.
    session.add_rating(SkitRating("after restart", ["delighted"], 10))
    assert RatingSession(path).ratings[-1].skit == "after restart"


class TestCompareSkits:
    def test_order_and_values(self):
        """One row per skit, Low/Standard/WOW order, values from the latest card and rating."""
        scenes = [card("C", "WOW"), card("A", "Low"), card("B", "Standard")]
        ratings = [SkitRating("A", ["angry"], 3),
                   SkitRating("A", ["angry", "ignored"], 1, room=[2, 2, 5]),  # replaces
                   SkitRating("B", ["calm"], 6, room=[6]),
                   SkitRating("C", ["delighted", "grateful"], 10, room=[9, 10])]
        table = compare_skits(scenes, ratings)
        assert list(table.index) == ["A", "B", "C"]
        assert list(table["level"]) == ["Low", "Standard", "WOW"]
        assert list(table["come_back"]) == [1, 6, 10]
        assert list(table["room_mean"]) == [3.0, 6.0, 9.5]
        assert list(table["room_count"]) == [3, 1, 2]
        assert list(table["emotions"]) == ["angry, ignored", "calm", "delighted, grateful"]
        assert list(table["felt_level"]) == ["Low", "Standard", "WOW"]

    def test_unrated_and_uncarded(self):
        """A skit not yet rated shows empty values; a rating without a card comes last."""
        table = compare_skits([card("A", "WOW")], [SkitRating("Z", ["calm"], 5)])
        assert list(table.index) == ["A", "Z"]
        assert pd.isna(table.loc["A", "come_back"]) and table.loc["A", "room_count"] == 0
        assert pd.isna(table.loc["Z", "level"]) and table.loc["Z", "come_back"] == 5

    def test_empty(self):
        """No cards and no ratings give an empty table with the columns."""
        table = compare_skits([], [])
        assert table.empty and "come_back" in table.columns

    def test_wrong_items(self):
        """Something that is not a card or rating is refused."""
        with raises(TypeError, "scenes must hold SceneCards, got 'A' (a str)"):
            compare_skits(["A"], [])
        with raises(TypeError, "ratings must hold SkitRatings, got 5 (a int)"):
            compare_skits([], [5])

    def test_chart_refuses_other_tables(self):
        """The comparison chart names every column its table lacks, and refuses a non-table."""
        from ccexercise.views.skit import skit_comparison_chart

        table = compare_skits([], []).drop(columns=["come_back", "room_mean"])
        with raises(ValueError, "table lacks the columns ['come_back', 'room_mean']; it needs "
                                "level, place, purchase, expectation, emotions, mood, felt_level, "
                                "come_back, room_mean, room_count (the result of "
                                "compare_skits(...)) and has ['level', 'place', 'purchase', "
                                "'expectation', 'emotions', 'mood', 'felt_level', 'room_count']"):
            skit_comparison_chart(table)
        with raises(TypeError, "table must be a pandas DataFrame (the result of "
                               "compare_skits(...)), got [] (a list)"):
            skit_comparison_chart([])

    @PROPERTY
    @given(levels=st.lists(st.sampled_from(SKIT_LEVELS), min_size=1, max_size=6))
    def test_sorted_by_level(self, levels):
        """Whatever the order cards come in, the table is sorted Low, Standard, WOW."""
        scenes = [card(f"T{i}", level) for i, level in enumerate(levels)]
        shown = list(compare_skits(scenes, [])["level"])
        assert shown == sorted(levels, key=SKIT_LEVELS.index)


class TestParsing:
    def test_names(self):
        """Names split on new lines, commas and semicolons; spaces and blanks dropped."""
        assert parse_names(" Ann \n\nBo, Cy ;Di,\n") == ["Ann", "Bo", "Cy", "Di"]
        assert parse_names("") == []

    def test_names_type(self):
        """A list instead of text is a TypeError."""
        with raises(TypeError, "text must be text (a str), got ['Ann'] (a list)"):
            parse_names(["Ann"])

    def test_scores(self):
        """Scores split on commas and spaces, in order."""
        assert parse_scores(" 7,8  9;10 , 1") == [7, 8, 9, 10, 1]
        assert parse_scores("   ") == []

    @pytest.mark.parametrize("text, part", [("0", "0"), ("7, 11", "11"), ("-3", "-3"),
                                            ("seven", "seven"), ("8.5", "8.5")])
    def test_bad_scores(self, text, part):
        """Anything but 1 to 10 names the bad part."""
        with raises(ValueError, f"room must be whole numbers from 1 to 10 separated by commas, "
                                f"got {part!r} in {text!r}"):
            parse_scores(text)

    @PROPERTY
    @given(scores=st.lists(st.integers(1, 10)))
    def test_scores_round_trip(self, scores):
        """Any list of 1-10 scores written with ", " reads back the same."""
        assert parse_scores(", ".join(map(str, scores))) == scores
