"""Tests for ccexercise.widgets.listening, driven from Python as a trainer's clicks would be:
the checklist builder, a visit's results and the exit-survey planner."""

import ipywidgets as widgets
import pytest

import ccexercise as cc
from ccexercise.listening import DEFAULT_STAGES
from ccexercise.widgets import (
    ChecklistBuilder,
    ExitSurveyPlanner,
    VisitEntry,
    checklist_builder,
    exit_survey_planner,
    visit_entry,
)


def every_control_has_a_name(widget):
    """Every control (not plain HTML or a box) has a description or is a button with text."""
    todo, missing = [widget], []
    while todo:
        item = todo.pop()
        todo += list(getattr(item, "children", ()))
        if isinstance(item, (widgets.Box, widgets.HTML, widgets.Image)):
            continue
        if not getattr(item, "description", ""):
            missing.append(type(item).__name__)
    return missing


class TestChecklistBuilder:
    def test_starts_with_the_wholesale_walk_through(self):
        builder = checklist_builder()
        assert isinstance(builder, ChecklistBuilder)
        assert [s.key for s in builder.checklist.stages] == list(DEFAULT_STAGES)
        assert "☐ Do the pictures load quickly?" in builder.preview.value
        assert every_control_has_a_name(builder) == []

    def test_tick_a_stage_and_add_points(self):
        """A ticked fruit-stall stage joins; own points go to the chosen stage."""
        builder = checklist_builder(["website"])
        builder.stage_boxes["stall_paying"].value = True
        assert [s.key for s in builder.checklist.stages] == ["website", "stall_paying"]
        builder.point_stage.value = "stall_paying"
        builder.point_text.value = "Is change counted out loud?"
        builder.add_button.click()
        assert builder.checklist.stage("stall_paying").points[-1] == "Is change counted out loud?"
        assert builder.point_text.value == ""

    def test_own_points_kept_when_a_stage_is_unticked(self):
        """Nothing entered is lost: untick, tick again, the point is back."""
        builder = checklist_builder(["website", "parking"])
        builder.point_stage.value = "parking"
        builder.point_text.value = "Room for a van?"
        builder.add_button.click()
        builder.stage_boxes["parking"].value = False
        assert "1 of your points belong to stages you have not ticked" in builder.preview.value
        builder.stage_boxes["parking"].value = True
        assert builder.checklist.stage("parking").points[-1] == "Room for a van?"
        builder.undo_button.click()
        assert builder.point_text.value == "Room for a van?"
        assert builder.checklist.stage("parking").points[-1] != "Room for a van?"

    def test_bad_input_is_explained_and_kept(self):
        """A blank or too long point, or no stage, gets a message; the typed text stays."""
        builder = checklist_builder(["website"])
        builder.add_button.click()
        assert "Type your point first" in builder.error.value
        builder.point_text.value = "x" * 161
        builder.add_button.click()
        assert "must be at most 160 characters" in builder.error.value
        assert builder.point_text.value == "x" * 161 and builder.checklist is not None
        builder.stage_boxes["website"].value = False
        assert "stages must name at least one stage" in builder.error.value
        assert builder.checklist is None
        assert builder.print_pdf() is None and "Fix the checklist first" in builder.printed.value

    def test_typed_ideas_become_a_stage(self):
        """Without phones, the room's ideas are typed, one a line."""
        builder = checklist_builder(["website"])
        builder.ideas.value = "Is the door heavy?\n\n  Are the toilets clean? "
        stage = builder.checklist.stages[-1]
        assert (stage.title, stage.points) == ("Ideas from the room", (
            "Is the door heavy?", "Are the toilets clean?"))

    def test_room_ideas_are_added_most_upvoted_first(self):
        """With a room, the button adds the five most upvoted ideas not yet typed."""

        class Feed:
            client = object()

            def on_change(self, callback):
                callback({"questions": [{"question": {"id": "stages"}, "results": {
                    "count": 7, "items": [{"id": i, "text": f"Idea {i}", "votes": 9 - i}
                                          for i in range(7)]}}]})

        builder = ChecklistBuilder(["website"], feed=Feed(), question="stages")
        builder.ideas.value = "Idea 1"
        builder.room_button.click()
        assert builder.ideas.value.splitlines() == ["Idea 1", "Idea 0", "Idea 2", "Idea 3",
                                                    "Idea 4", "Idea 5"]

    def test_print(self, tmp_path):
        builder = checklist_builder(["website", "paying"])
        builder.path.value = str(tmp_path / "out.pdf")
        builder.print_button.click()
        assert (tmp_path / "out.pdf").read_bytes()[:5] == b"%PDF-"
        assert "1 A4 page (2 stages, 5 points)" in builder.printed.value


class TestVisitEntry:
    def test_marks_give_the_weakest_stages(self):
        visit = visit_entry(cc.mystery_shop_checklist(["website", "parking"]))
        assert isinstance(visit, VisitEntry)
        assert visit.result.summary() == "Nothing was checked yet." and visit.chart.chart is None
        for toggle, mark in zip(visit.marks["website"], ["fine", "problem", "problem"]):
            toggle.value = mark
        visit.marks["parking"][0].value = "fine"
        assert visit.result.weakest() == ["Website"]
        assert visit.chart.chart.categories == ("Website", "Parking")
        assert "Website: 1 of 3 fine, 2 problems" in visit.text.value
        assert every_control_has_a_name(visit) == []

    def test_follows_the_builder_and_keeps_marks(self):
        builder = checklist_builder(["website"])
        visit = visit_entry(builder=builder)
        visit.marks["website"][1].value = "problem"
        builder.stage_boxes["paying"].value = True
        assert list(visit.marks) == ["website", "paying"]
        assert visit.marks["website"][1].value == "problem"
        assert visit.result.weakest() == ["Website"]

    def test_wrong_arguments(self):
        with pytest.raises(TypeError, match=r"^checklist must be a Checklist"):
            visit_entry(["website"])
        with pytest.raises(TypeError, match=r"^builder must be a ChecklistBuilder"):
            visit_entry(builder="b")


class TestExitSurveyPlanner:
    def test_the_texts_shop_and_module_01(self):
        planner = exit_survey_planner()
        assert isinstance(planner, ExitSurveyPlanner)
        assert "cost 7,500 over 2 days" in planner.summary.value
        assert "keeping a single customer pays for it" in planner.summary.value
        assert "the texts&#x27;" in planner.assumptions.value or "the texts'" in \
            planner.assumptions.value
        assert every_control_has_a_name(planner) == []

    def test_sliders_change_the_sums(self):
        """100 answers x 150 = 15,000; a 1% margin loses 700: 21.43 customers to break even."""
        planner = exit_survey_planner()
        planner.answers.value = 100
        planner.margin.value = 0.01
        assert planner.plan.cost == 15000.0
        assert planner.payback.customers_to_break_even == 21.43
        assert "it must keep 21.43 customers to pay for itself" in planner.summary.value

    def test_impossible_numbers_are_explained(self):
        planner = exit_survey_planner()
        planner.margin.value = 0.0
        assert planner.payback is None and "lost must have a profit above 0" in planner.error.value
        planner.margin.value = 0.2
        assert planner.error.value == "" and planner.payback is not None
