"""Every widget the kit has, and how the widget benchmark drives it.

One :class:`WidgetCase` per widget class exported from
:mod:`ccexercise.widgets` (``tests/unit/test_benchmark_cases.py`` fails when
one is missing). In a real kernel the benchmark runs ``setup`` once, then
times each statement of ``changes`` in turn, cycling through them; every
statement must really change what the widget shows (the benchmark checks).
Right after each change it times ``model``, the bare calculation the
widget has to do anyway, so the two can be compared side by side.

Add your widget's case at the end of :data:`CASES`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CASES", "WidgetCase"]


@dataclass(frozen=True)
class WidgetCase:
    """How to build one widget (``setup`` binds it to ``w``) and change it."""

    widget: str                 # the class name in ccexercise.widgets
    setup: str                  # Python run once in the kernel; binds the widget to ``w``
    changes: tuple[str, ...]    # statements, each timed; each must change what ``w`` shows
    model: str = "None"         # the bare model call behind a change, timed beside it

    def __post_init__(self):
        if len(self.changes) < 2:
            raise ValueError(f"{self.widget}: changes needs at least two statements, so "
                             "cycling through them always changes something")


#: A room server for a module's run sheet, on 127.0.0.1 in a thread, and a feed from it.
_ROOM = ("import tempfile\n"
         "from ccexercise.room import RoomClient, RoomStore\n"
         "from ccexercise.room.server import RoomThread\n"
         "store = RoomStore(tempfile.mkdtemp() + '/room.sqlite', module='{module}')\n"
         "room = RoomThread(cc.workshop.run_sheet_for('{module}'), store, module='{module}')\n"
         "feed = cc.widgets.RoomFeed(RoomClient(room.url, store.secret), follow=False)\n")

CASES: tuple[WidgetCase, ...] = (
    WidgetCase(
        widget="LostCustomerCalculator",
        setup="w = cc.widgets.lost_customer_calculator(10_000, 2_000, 5, 0.2)",
        changes=("w.first_year.value = 25_000", "w.growth_per_year.value = 5_000",
                 "w.years.value = 12", "w.margin.value = 0.35",
                 "w.first_year.value = 10_000", "w.growth_per_year.value = 2_000",
                 "w.years.value = 5", "w.margin.value = 0.2"),
        model=("cc.lost_revenue(w.first_year.value, growth_per_year=w.growth_per_year.value, "
               "years=w.years.value, margin=w.margin.value)"),
    ),
    WidgetCase(
        widget="Timer",
        setup="w = cc.widgets.Timer(5)",
        changes=("w.start_button.click()", "w.play.value = 30", "w.pause_button.click()",
                 "w.reset_button.click()"),
        model="cc.workshop.format_clock(w.remaining)",
    ),
    WidgetCase(
        widget="StepDeck",
        # Module 01's facilitator page, as a trainer projects it.
        setup=("w = cc.widgets.StepDeck.from_run_sheet("
               "cc.workshop.run_sheet_for('01_lost_customer_cost'))"),
        changes=("w.next_button.click()", "w.next_button.click()", "w.back_button.click()",
                 "w.back_button.click()"),
        model="cc.workshop.format_clock(w.step.seconds)",
    ),
    # Module 03: the skit workshop (each save is written and fsynced to the session file).
    WidgetCase(
        widget="TeamSplitter",
        setup=("w = cc.widgets.TeamSplitter('\\n'.join(f'Person {i}' for i in range(24)), "
               "teams=3, seed=1)"),
        changes=("w.teams.value = 4", "w.new_split_button.click()", "w.teams.value = 3"),
        model=("cc.workshop.split_into_teams(cc.skit.parse_names(w.names.value), w.teams.value, "
               "seed=w.seed.value)"),
    ),
    WidgetCase(
        widget="SceneCardForm",
        setup=("import tempfile\n"
               "s = cc.RatingSession(tempfile.mkdtemp() + '/skit.csv')\n"
               "w = cc.widgets.SceneCardForm(s)\n"
               "w.place.value, w.purchase.value = 'a shoe shop', 'winter boots'\n"
               "w.expectation.value = 'help to find my size'"),
        changes=("w.level.value = 'WOW'; w.save_button.click()",
                 "w.level.value = 'Low'; w.save_button.click()"),
        model=("cc.SceneCard(w.skit.value, w.level.value, w.place.value, w.purchase.value, "
               "w.expectation.value)"),
    ),
    WidgetCase(
        widget="RatingForm",
        setup=("import tempfile\n"
               "s = cc.RatingSession(tempfile.mkdtemp() + '/skit.csv')\n"
               "w = cc.widgets.RatingForm(s)"),
        changes=("w.emotion_buttons['delighted'].value = True",
                 "w.emotion_buttons['delighted'].value = False",
                 "w.emotion_buttons['angry'].value = True; w.come_back.value = 2; "
                 "w.room.value = '3, 4'; w.save_button.click()"),
        model="cc.SkitRating(w.skit.value, ['angry'], 2, cc.skit.parse_scores('3, 4'))",
    ),
    WidgetCase(
        widget="SkitComparison",
        setup=("import tempfile\n"
               "s = cc.RatingSession(tempfile.mkdtemp() + '/skit.csv')\n"
               "for team, level in (('Team 1', 'Low'), ('Team 2', 'Standard'), "
               "('Team 3', 'WOW')):\n"
               "    s.add_scene(cc.SceneCard(team, level, 'a shop', 'boots', 'help'))\n"
               "s.add_rating(cc.SkitRating('Team 2', ['calm'], 6, room=[6, 5]))\n"
               "s.add_rating(cc.SkitRating('Team 3', ['delighted'], 10, room=[9, 9]))\n"
               "w = cc.widgets.SkitComparison(s)"),
        changes=("s.add_rating(cc.SkitRating('Team 1', ['angry'], 2, room=[2, 3])); w.update()",
                 "s.add_rating(cc.SkitRating('Team 1', ['irritated'], 4, room=[3, 3])); "
                 "w.update()"),
        model="cc.compare_skits(s.scenes, s.ratings)",
    ),
    WidgetCase(
        widget="MaturitySelfAssessment",
        setup="w = cc.widgets.MaturitySelfAssessment([True] * 3 + [False] * 6)",
        changes=("w.boxes[3].value = True", "w.boxes[4].value = True",
                 "w.boxes[3].value = False", "w.boxes[4].value = False"),
        model="cc.maturity_stage([box.value for box in w.boxes])",
    ),
    # Module 04: the satisfaction formula.
    WidgetCase(
        widget="SatisfactionSliders",
        setup="w = cc.widgets.satisfaction_sliders(5, 5)",
        changes=("w.perceived.value = 7", "w.expected.value = 7", "w.perceived.value = 2",
                 "w.expected.value = 5", "w.perceived.value = 5"),
        model="cc.service_level(cc.satisfaction(w.perceived.value, w.expected.value))",
    ),
    WidgetCase(
        widget="PromiseSimulator",
        setup="w = cc.widgets.promise_simulator()",
        changes=("w.example_late.click()", "w.example_early.click()", "w.delivered.value = 9",
                 "w.tolerance.value = 2", "w.promised.value = 12", "w.tolerance.value = 0"),
        model="cc.promise_vs_delivery(promised=w.promised.value, delivered=w.delivered.value)",
    ),
    WidgetCase(
        widget="DimensionExplorer",
        setup="w = cc.widgets.dimension_explorer()",
        changes=("w.segment.value = 'wholesaler'", "w.branch.value = 'East'",
                 "w.weighted.value = True", "w.points['reliability'].value = 60",
                 "w.segment.value = 'All'", "w.branch.value = 'All'",
                 "w.points['reliability'].value = 20", "w.weighted.value = False"),
        model="cc.gap_analysis(w.selection())",
    ),
    # Module 06: the case-card dealer and the game runners.
    WidgetCase(
        widget="CaseCardDealer",
        # Three copies of the deck (new ids), so the 4-step round never runs out of cards.
        setup=("import tempfile, pathlib\nfrom ccexercise.cards import Card, Deck\n"
               "d = cc.load_deck('dislike')\n"
               "big = Deck('big', 'dislike', tuple(Card('dislike', {**c.values, 'id': f'{c.id}-{k}'})"
               " for k in range(3) for c in d))\n"
               "w = cc.widgets.CaseCardDealer(big, seed=1, "
               "log_path=pathlib.Path(tempfile.mkdtemp()) / 'rounds.csv')\nw.deal_button.click()"),
        changes=("w.outcome.value = 'found'", "w.reveal_button.click()", "w.save_button.click()",
                 "w.deal_button.click()"),
        model="cc.debrief_summary(w.round_log.results)",
    ),
    WidgetCase(
        widget="YesAndRunner",
        setup="w = cc.widgets.YesAndRunner(seed=1)",
        changes=("w.draw_button.click()", "w.minutes.value = 3", "w.draw_button.click()",
                 "w.minutes.value = 5",
                 "w.again_button.click()"),
        model="w.dealer.remaining",
    ),
    WidgetCase(
        widget="ExplainRunner",
        setup="w = cc.widgets.ExplainRunner(seed=1)",
        changes=("w.draw_button.click()", "w.minutes.value = 2", "w.draw_button.click()",
                 "w.minutes.value = 4",
                 "w.again_button.click()"),
        model="w.dealer.remaining",
    ),
    WidgetCase(
        widget="VocabularyRunner",
        setup="w = cc.widgets.VocabularyRunner(names=list('ABCDEFGHIJ'), teams=3, seed=1)",
        changes=("w.draw_button.click()", "w.minutes.value = 10", "w.draw_button.click()",
                 "w.minutes.value = 5",
                 "w.again_button.click()"),
        model="cc.workshop.split_into_teams(list('ABCDEFGHIJ'), 3, seed=1)",
    ),
    WidgetCase(
        widget="SmallTalkRunner",
        setup="w = cc.widgets.SmallTalkRunner(names=list('ABCDEFGH'), seed=1)",
        changes=("w.draw_button.click()", "w.minutes.value = 5", "w.draw_button.click()",
                 "w.minutes.value = 2",
                 "w.again_button.click()"),
        model="cc.workshop.split_into_teams(list('ABCDEFGH'), 4, seed=1)",
    ),
    # Module 05: Net Promoter Score.
    WidgetCase(
        widget="NpsExplorer",
        setup="w = cc.widgets.nps_explorer()",
        changes=("w.promoters.value = 120", "w.detractors.value = 10",
                 "w.method.value = 'Adjusted Wald (small groups)'", "w.promoters.value = 100",
                 "w.detractors.value = 40", "w.method.value = 'Wald (standard)'"),
        model=("cc.nps_interval_from_counts(w.promoters.value, w.passives.value, "
               "w.detractors.value)"),
    ),
    WidgetCase(
        widget="NpsWhatIf",
        setup="w = cc.widgets.nps_what_if_widget()",
        changes=("w.moved.value = 25", "w.detractors.value = 12", "w.moved.value = 10",
                 "w.detractors.value = 40"),
        model=("cc.nps_what_if(w.promoters.value, w.passives.value, w.detractors.value, "
               "moved=w.moved.value)"),
    ),
    WidgetCase(
        widget="RoomPoll",
        setup="w = cc.widgets.room_poll('10 9 8 7 6 10 9 3 10 8 9 10 5 7 10')",
        changes=("w.entries.value += ' 10 9 2 11'", "w.entries.value = '10 9 8 7 6 10 9'",
                 "w.scale.value = '1-10'", "w.scale.value = '0-10'"),
        model="cc.nps_counts(cc.scores_from_text(w.entries.value)[0])",
    ),
    # The live room: each change goes to a real room server (127.0.0.1, in a thread) and
    # the widget redraws from the room's answer, as the projector's widgets do.
    WidgetCase(
        widget="RoomResults",
        setup=_ROOM.format(module="05_nps") + (
            "feed.act('set_typed', 'recommend', [10, 9, 3, 8])\n"
            "w = cc.widgets.RoomResults(feed)"),
        changes=("feed.act('question', 'recommend', 'reveal')",
                 "feed.act('question', 'recommend', 'conceal')"),
        model="feed.client.state(timeout=0)",
    ),
    WidgetCase(
        widget="PollControls",
        setup=_ROOM.format(module="05_nps") + "w = cc.widgets.PollControls(feed)",
        changes=("w.controls['recommend'].open_button.click()",
                 "w.controls['recommend'].reveal_button.click()",
                 "w.controls['recommend'].open_button.click()",
                 "w.controls['recommend'].reveal_button.click()"),
        model="feed.client.state(timeout=0)",
    ),
    WidgetCase(
        widget="RoomGap",
        setup=_ROOM.format(module="04_satisfaction_formula") + (
            "feed.act('set_typed', 'got', [5, 6])\n"
            "for q in ('expected', 'got'): feed.act('question', q, 'reveal')\n"
            "w = cc.widgets.RoomGap(feed)"),
        changes=("feed.act('set_typed', 'expected', [7, 6])",
                 "feed.act('set_typed', 'expected', [3, 4])"),
        model="feed.client.state(timeout=0)",
    ),
    WidgetCase(
        widget="FacilitatorPage",
        # Module 05's projector view: each step change goes through the room.
        setup=_ROOM.format(module="05_nps") + (
            "w = cc.widgets.FacilitatorPage('05_nps', view='projector', room=feed.client, "
            "follow=False)"),
        changes=("w.deck.next()", "w.deck.next()", "w.deck.back()", "w.deck.back()"),
        model="feed.client.state(timeout=0)",
    ),
    # Module 00: what customer focus is.
    WidgetCase(
        widget="StatementSorter",
        setup="w = cc.widgets.statement_sorter()",
        changes=("w.buttons[0].click()", "w.buttons[2].click()", "w.buttons[1].click()",
                 "w.next.click()", "w.previous.click()"),
        model="cc.sort_statement(w.statement, 'level 1')",
    ),
    WidgetCase(
        widget="PrinciplesSelfCheck",
        setup="w = cc.widgets.principles_self_check()",
        changes=("w.sliders[0].value = 5", "w.sliders[3].value = 1", "w.sliders[0].value = 3",
                 "w.sliders[3].value = 3"),
        model="cc.principles_profile([s.value for s in w.sliders])",
    ),
    WidgetCase(
        widget="SortVotes",
        # Typed hands go to the room's poll [s01] of module 00's run sheet.
        setup=_ROOM.format(module="00_what_is_customer_focus") + (
            "w = cc.widgets.sort_votes(feed=feed)"),
        changes=("w.counts[0].value = 4", "w.counts[2].value = 9", "w.reveal.value = True",
                 "w.counts[0].value = 0", "w.counts[2].value = 0", "w.reveal.value = False"),
        model="cc.sort_statement(cc.sorter_statements()[0], 'not')",
    ),
    # Module 08: the mystery-shop checklist builder, a visit's results, the exit survey.
    WidgetCase(
        widget="ChecklistBuilder",
        setup="w = cc.widgets.checklist_builder()",
        changes=("w.stage_boxes['stall_display'].value = True",
                 "w.ideas.value = 'Is there water for dogs?'",
                 "w.stage_boxes['stall_display'].value = False", "w.ideas.value = ''"),
        model="cc.mystery_shop_checklist(w._chosen_keys())",
    ),
    WidgetCase(
        widget="VisitEntry",
        setup="w = cc.widgets.visit_entry(cc.mystery_shop_checklist())",
        changes=("w.marks['website'][0].value = 'problem'", "w.marks['parking'][1].value = 'fine'",
                 "w.marks['website'][0].value = 'skip'", "w.marks['parking'][1].value = 'skip'"),
        model="cc.score_visit(w.checklist, {k: [b.value for b in v] for k, v in w.marks.items()})",
    ),
    WidgetCase(
        widget="ExitSurveyPlanner",
        setup="w = cc.widgets.exit_survey_planner()",
        changes=("w.answers.value = 80", "w.improvements.value = (10, 20)",
                 "w.margin.value = 0.05", "w.answers.value = 50",
                 "w.improvements.value = (30, 50)", "w.margin.value = 0.2"),
        model="cc.exit_survey_payback(cc.exit_survey_plan(answers=w.answers.value))",
    ),
    # Module 02: why customers leave.
    WidgetCase(
        widget="HarmfulAdviceGame",
        setup="w = cc.widgets.harmful_advice_game()",
        changes=("w.harmful_button.click()", "w.helpful_button.click()", "w.next_button.click()",
                 "w.who.value = 'Managers'", "w.who.value = 'Everyone'"),
        model="cc.judge_advice(w.card, 'harmful')",
    ),
    WidgetCase(
        widget="ParetoExplorer",
        setup="w = cc.widgets.pareto_explorer()",
        changes=("w.measure.value = 'lost_revenue'", "w.segment.value = 'business'",
                 "w.measure.value = 'customers'", "w.segment.value = 'All customers'"),
        model="cc.vital_few(w.result)",
    ),
    WidgetCase(
        widget="TypedAnswers",
        setup=("w = cc.widgets.typed_answers(question='reasons', "
               "sheet=cc.workshop.run_sheet_for('02_why_customers_leave'))"),
        changes=("w.entries.value = 'rude staff\\nslow till\\nrude staff'",
                 "w.entries.value = 'rude staff\\nwrong bill'"),
        model="cc.room.results.summarize(w.question, w._typed)",
    ),
    # Module 07: the SOCO-style self-assessment.
    WidgetCase(
        widget="SocoSelfAssessment",
        setup="w = cc.widgets.SocoSelfAssessment({code: 5 for code in cc.SOCO_CODES})",
        changes=("w.boxes[0].value = 9", "w.boxes[1].value = 1", "w.boxes[0].value = 5",
                 "w.boxes[1].value = 5"),
        model="cc.soco_score(w.answers)",
    ),
    WidgetCase(
        widget="SocoTeamProfile",
        setup=("data = cc.datasets.load('07_soco_self_assessment')\n"
               "w = cc.widgets.SocoTeamProfile(data[data['round'] == 'after'], "
               "compare=data[data['round'] == 'before'], labels=('After', 'Before'))"),
        changes=("w.view.value = 'Themes'", "w.view.value = 'Spread of scores'"),
        model="cc.soco_team(data[data['round'] == 'after'])",
    ),
    WidgetCase(
        widget="SocoRoomEntry",
        # Each person: the whole form filled, then "Add my answers" (scores, redraws the
        # team, clears the form for the next person).
        setup=("w = cc.widgets.SocoRoomEntry()\n"
               "for k in (4, 5, 6, 7):\n"
               "    w.form.set_answers({code: k for code in cc.SOCO_CODES}); w.add()\n"),
        changes=("w.form.set_answers({code: 6 for code in cc.SOCO_CODES})",
                 "w.add_button.click()",
                 "w.form.set_answers({code: 3 for code in cc.SOCO_CODES})",
                 "w.add_button.click()"),
        model="cc.soco_team(w.people)",
    ),
)
