"""Results of a room question: counts, means, NPS with its interval, ranked words and ideas."""

import json

import pytest

from ccexercise.room import Question
from ccexercise.room.results import summarize


class TestSummarize:
    def test_rating_counts_every_score(self):
        """A rating lists every score on its scale, also those nobody gave."""
        result = summarize(Question("r", "rating", "How much?", low=0, high=3), [0, 3, 3])
        assert result == {"count": 3, "mean": 2.0, "counts": {"0": 1, "1": 0, "2": 0, "3": 2}}

    def test_rating_without_answers(self):
        """No answers: count 0 and no mean."""
        assert summarize(Question("r", "rating", "How much?", low=1, high=2), []) == \
            {"count": 0, "mean": None, "counts": {"1": 0, "2": 0}}

    def test_nps_matches_ccexercise_nps(self):
        """The NPS and its interval are those of ccexercise.nps."""
        from ccexercise.nps import nps_counts
        scores = [10, 10, 9, 8, 7, 6, 0, 10]
        result = summarize(Question("n", "nps", "Recommend?"), scores)
        counts = nps_counts(scores)
        assert result == {"count": 8, "promoters": 4, "passives": 2, "detractors": 2,
                          "nps": counts.nps, "low": counts.interval()[0],
                          "high": counts.interval()[1]}

    def test_nps_empty(self):
        """No answers: the NPS and its interval are None."""
        assert summarize(Question("n", "nps", "Recommend?"), []) == {
            "count": 0, "promoters": 0, "passives": 0, "detractors": 0,
            "nps": None, "low": None, "high": None}

    def test_choice_counts_every_option(self):
        """A choice lists every option in the sheet's order."""
        q = Question("c", "choice", "Level?", options=("Low", "Standard", "WOW"))
        assert summarize(q, ["WOW", "Low", "WOW"]) == \
            {"count": 3, "counts": {"Low": 1, "Standard": 0, "WOW": 2}}

    def test_choices_count_devices(self):
        """For choices, count is the devices answering, not the options ticked."""
        q = Question("c", "choices", "Which?", options=("A", "B", "C"))
        assert summarize(q, [["A", "B"], ["A", "C"]]) == \
            {"count": 2, "counts": {"A": 2, "B": 1, "C": 1}}

    def test_words_case_folded_ties_alphabetical(self):
        """Words are counted case-folded, most first, ties alphabetical."""
        q = Question("w", "words", "Felt?")
        assert summarize(q, ["Rushed", "calm", "CALM", "angry", "rushed", "ok"]) == \
            {"count": 6, "words": [["calm", 2], ["rushed", 2], ["angry", 1], ["ok", 1]]}

    def test_text_keeps_first_form(self):
        """Text answers in other case count together, shown as first given."""
        q = Question("t", "text", "What?")
        assert summarize(q, ["Be kind", "be kind", "Smile"]) == \
            {"count": 3, "items": [["Be kind", 2], ["Smile", 1]]}

    def test_ideas_ranked_by_votes_then_age(self):
        """Ideas: most votes first; equal votes keep the oldest first."""
        q = Question("i", "ideas", "Ideas?")
        ideas = [{"id": 1, "text": "A", "votes": 1}, {"id": 2, "text": "B", "votes": 3},
                 {"id": 3, "text": "C", "votes": 1}]
        assert [i["id"] for i in summarize(q, ideas)["items"]] == [2, 1, 3]

    @pytest.mark.parametrize("kind", ["rating", "nps", "choice", "choices", "words", "text",
                                      "ideas"])
    def test_json_round_trip(self, kind):
        """Every summary comes back unchanged through JSON."""
        options = ("A", "B") if kind in ("choice", "choices") else ()
        q = Question("q", kind, "Q?", options=options)
        values = {"rating": [3], "nps": [9], "choice": ["A"], "choices": [["A"]],
                  "words": ["x"], "text": ["y"], "ideas": [{"id": 1, "text": "z", "votes": 0}]}
        result = summarize(q, values[kind])
        assert json.loads(json.dumps(result)) == result

    def test_not_a_question(self):
        """A question that is not a Question is a TypeError naming it."""
        with pytest.raises(TypeError, match="question must be a Question, got 'q' \\(a str\\)"):
            summarize("q", [])
