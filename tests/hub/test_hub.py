"""A workshop on a real JupyterHub, end to end, as the people in the room would run it.

`ccexercise hub` (as root) with one instructor and three learners, all real
system users. Through the hub's REST API and as those users: the instructor
builds and releases module 01; each learner fetches it, answers it (right,
partly right, blank) and submits; the instructor collects, grades with
`ccexercise grade` (sandboxed), the hub is restarted (Ctrl-C, start again),
then feedback is released and each learner fetches their own. Then one
learner logs in with Chromium and moves the lesson's slider.

The hub runs module 05's live room as its service (`--room 05_nps`): a phone
with no account opens <hub>/services/room/, joins with the code and answers
the question the instructor's facilitator secret opened; only the
instructor's server has that secret.

Expected scores come from the points in the solution notebook's metadata,
added up here for the tasks each learner answered.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

import hub_helpers as hh
from hub_helpers import MODULE, NOTEBOOK

COURSE_ID = "ccexercise"
#: The learner who is partly right answers only these tasks (the rest stays blank).
PARTLY = ("lost_revenue_5_years", "lost_profit_5_years", "call_first", "harmful_line")


def _home(name: str) -> Path:
    return Path(pwd.getpwnam(name).pw_dir)


def _scores(course: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student_id: s.code_score for s in
                gradebook.find_assignment(MODULE).submissions}


def _answers() -> dict[str, dict[str, str]]:
    model = hh.model_answers()
    return {"right": model,
            "partly": {f"answer_{task}": model[f"answer_{task}"] for task in PARTLY},
            "blank": {}}


def _expected() -> dict[str, float]:
    points = hh.graded_points()
    return {"right": sum(points.values()), "partly": sum(points[t] for t in PARTLY),
            "blank": 0.0}


def _uids(names) -> set[int]:
    return {pwd.getpwnam(n).pw_uid for n in names}


@pytest.fixture(scope="session")
def flow(hub_setup):
    s = hub_setup
    hub, names, state = s["hub"], s["names"], s["state"]
    instructor = names["instructor"]
    learners = {k: names[k] for k in ("right", "partly", "blank")}
    out: dict = {"times": {}}
    started = time.monotonic()

    def mark(step):
        out["times"][step] = round(time.monotonic() - started, 1)
        print(f"hub flow: {step} at {out['times'][step]} s", flush=True)

    def as_instructor(*argv):
        return hh.as_user(instructor, list(argv), state=state, role="instructor", cwd=course)

    out["printed"] = hub.start()
    mark("hub up")
    course = _home(instructor) / "ccexercise"   # the command created the users
    base = hub.base
    tokens = {instructor: hh.login(base, instructor, s["instructor_password"])}
    tokens.update({n: hh.login(base, n, s["password"]) for n in learners.values()})
    out["tokens"] = tokens
    logins = {}
    for label, (who, password) in {
            "instructor with the workshop password": (instructor, s["password"]),
            "learner with a wrong password": (learners["right"], "not-the-password"),
            "someone not on the roster": ("cct-nobody", s["password"])}.items():
        try:
            hh.login(base, who, password)
            logins[label] = "allowed"
        except PermissionError:
            logins[label] = "refused"
    out["logins"] = logins
    hh.start_server(base, tokens[instructor], instructor)   # copies the course to ~/ccexercise
    with ThreadPoolExecutor(1) as pool:  # learners' servers start while the instructor releases
        servers = pool.submit(hh.start_servers, base,
                              {name: tokens[name] for name in learners.values()})
        out["build"] = as_instructor("ccexercise", "build", MODULE).stdout
        out["release"] = as_instructor("nbgrader", "release_assignment", MODULE)
        mark("released")
        servers.result()
    mark("servers up")

    path = f"ccexercise/exercises/{MODULE}/{NOTEBOOK}.ipynb"
    answers, out["submit"], out["fetch"] = _answers(), {}, {}
    for key, name in learners.items():
        token, form = tokens[name], {"course_id": COURSE_ID, "assignment_id": MODULE}
        out["fetch"][key] = hh.api(base, token, "POST", f"user/{name}/assignments/fetch",
                                   data=form)
        model = hh.api(base, token, "GET", f"user/{name}/api/contents/{path}?content=1").json()
        notebook = hh.answer_notebook(model["content"], answers[key])
        put = hh.api(base, token, "PUT", f"user/{name}/api/contents/{path}",
                     json={"type": "notebook", "format": "json", "content": notebook})
        assert put.status_code == 200, put.text
        out["submit"][key] = hh.api(base, token, "POST", f"user/{name}/assignments/submit",
                                    data=form)
    mark("submitted")

    a, b = learners["right"], learners["partly"]
    inbound = state / "exchange" / COURSE_ID / "inbound"
    b_submission = next(d for d in os.listdir(inbound) if d.startswith(b + "+"))
    out["access"] = {
        "A lists the exchange inbound folder": hh.can_read(a, inbound, state=state),
        "A reads B's submission in the exchange": hh.can_read(
            a, inbound / b_submission / f"{NOTEBOOK}.ipynb", state=state),
        "A lists B's home": hh.can_read(a, _home(b), state=state),
        "A reads B's notebook in B's home": hh.can_read(a, _home(b) / path, state=state),
        "A reads the instructor's gradebook": hh.can_read(a, course / "gradebook.db",
                                                          state=state),
        "A reads the course's solutions": hh.can_read(
            a, hh.REPO / "solutions" / MODULE / f"{NOTEBOOK}.ipynb", state=state),
    }
    out["instructor reads B's submission"] = hh.can_read(
        instructor, inbound / b_submission / f"{NOTEBOOK}.ipynb", state=state)
    out["http"] = {
        "learner opens the Formgrader": hh.api(base, tokens[a], "GET", f"user/{a}/formgrader",
                                               allow_redirects=True).status_code,
        "learner opens B's server": hh.api(base, tokens[a], "GET",
                                           f"user/{b}/api/contents").status_code,
        "learner opens the instructor's server": hh.api(
            base, tokens[a], "GET", f"user/{instructor}/formgrader").status_code,
        "instructor opens the Formgrader": hh.api(base, tokens[instructor], "GET",
                                                  f"user/{instructor}/formgrader",
                                                  allow_redirects=True).status_code,
    }

    out["limits"] = [hh.limits_of(pid) for pid in hh.processes_of(_uids([a]))]
    out["services"] = hh.api(base, tokens[instructor], "GET", "hub/api/services").json()

    out["collect"] = as_instructor("nbgrader", "collect", MODULE)
    out["grade"] = as_instructor("ccexercise", "grade", MODULE, "--jobs", "2").stdout
    mark("graded")
    out["scores before restart"] = _scores(course)
    out["submitted before restart"] = sorted(os.listdir(course / "submitted"))
    out["inbound before restart"] = sorted(os.listdir(inbound))

    out["stop code"] = hub.interrupt()
    out["processes after stop"] = hh.processes_of(_uids(names.values()))
    hub.start()
    mark("restarted")
    out["scores after restart"] = _scores(course)
    out["submitted after restart"] = sorted(os.listdir(course / "submitted"))
    out["inbound after restart"] = sorted(os.listdir(inbound))
    with ThreadPoolExecutor(1) as pool:  # the tokens were kept in the hub's database
        servers = pool.submit(hh.start_servers, base,   # the instructor's too: the room
                              {name: tokens[name] for name in (instructor, *learners.values())})
        out["feedback"] = as_instructor("ccexercise", "feedback", MODULE).stdout
        out["release feedback"] = as_instructor("nbgrader", "release_feedback", MODULE)
        servers.result()
    out["pages"] = {}
    for key, name in learners.items():
        hh.api(base, tokens[name], "POST", f"user/{name}/assignments/fetch_feedback",
               data={"course_id": COURSE_ID, "assignment_id": MODULE}).raise_for_status()
        folder = f"ccexercise/exercises/{MODULE}/feedback"
        listing = hh.api(base, tokens[name], "GET", f"user/{name}/api/contents/{folder}").json()
        pages = []
        for stamp in listing.get("content") or []:
            page = hh.api(base, tokens[name], "GET",
                          f"user/{name}/api/contents/{stamp['path']}/{NOTEBOOK}.html"
                          f"?content=1&type=file&format=text")
            pages.append(page.json()["content"] if page.status_code == 200 else None)
        out["pages"][key] = pages
    out["access"]["A lists the exchange feedback folder"] = hh.can_read(
        a, state / "exchange" / COURSE_ID / "feedback", state=state)
    mark("feedback fetched")
    out["room"] = _room_on_the_hub(base, state, instructor, learners)
    mark("room answered")
    return out


def _room_on_the_hub(base: str, state: Path, instructor: str, learners: dict) -> dict:
    """A phone with no hub account joins the room at <hub>/services/room/ and answers the
    question the instructor opened with the secret their server was given."""
    from ccexercise.room import RoomClient, RoomStore

    url, phone, room = base + "services/room/", requests.Session(), {}
    room["page"] = phone.get(url, timeout=30, allow_redirects=False)
    room["script"] = phone.get(url + "room/phone.js", timeout=30, allow_redirects=False)
    envs = {who: [hh.environ_of(pid) for pid in hh.processes_of(_uids([name]))]
            for who, name in {"instructor": instructor, **learners}.items()}
    given = [env for env in envs.pop("instructor") if "CCEXERCISE_ROOM_SECRET" in env]
    room["instructor env"] = given[0] if given else {}
    room["learner processes"] = sum(len(found) for found in envs.values())
    room["learners with room vars"] = sorted(
        who for who, found in envs.items() for env in found
        if {"CCEXERCISE_ROOM_SECRET", "CCEXERCISE_ROOM_URL"} & env.keys())
    room["control without secret"] = requests.get(url + "api/control/state",
                                                  timeout=30).status_code
    if not given:
        return room
    client = RoomClient(given[0]["CCEXERCISE_ROOM_URL"], given[0]["CCEXERCISE_ROOM_SECRET"])
    client.question("recommend", "open")
    room["join"] = phone.post(url + "api/join", json={"code": client.state()["join_code"]},
                              timeout=30)
    room["answer"] = phone.post(url + "api/answer", json={"question": "recommend", "value": 9},
                                timeout=30)
    room["state"] = client.state()
    [path] = (state / "room").glob("room-05_nps-*.sqlite")
    with RoomStore(path) as store:
        room["stored"] = [a.value for a in store.answers("recommend")]
    return room


def test_the_hub_prints_the_address_to_share(flow, hub_setup):
    assert hub_setup["hub"].base in flow["printed"]
    assert hub_setup["password"] in flow["printed"]


def test_only_the_right_passwords_log_in(flow):
    assert flow["logins"] == {"instructor with the workshop password": "refused",
                              "learner with a wrong password": "refused",
                              "someone not on the roster": "refused"}


def test_every_learner_fetched_and_submitted(flow):
    for key in ("right", "partly", "blank"):
        assert flow["fetch"][key].status_code == 200, flow["fetch"][key].text
        submitted = flow["submit"][key]
        assert submitted.status_code == 200 and '"success": false' not in submitted.text, \
            submitted.text


def test_scores(flow, hub_setup):
    names, expected = hub_setup["names"], _expected()
    assert expected["right"] == 25 and expected["partly"] == 10   # by hand: 2+2+3+3
    assert flow["scores before restart"] == {names[k]: expected[k] for k in expected}


def test_a_hub_restart_loses_nothing(flow):
    assert flow["stop code"] == 0
    assert flow["processes after stop"] == [], "user servers survived Ctrl-C"
    assert flow["scores after restart"] == flow["scores before restart"]
    assert flow["submitted after restart"] == flow["submitted before restart"]
    assert len(flow["submitted after restart"]) == 3
    assert flow["inbound after restart"] == flow["inbound before restart"]
    assert len(flow["inbound after restart"]) == 3


def test_learners_cannot_read_each_other_or_the_instructor(flow):
    assert flow["access"] == {name: False for name in flow["access"]}
    assert flow["instructor reads B's submission"] is True   # collect must still work


def test_learners_cannot_open_the_formgrader_or_other_servers(flow):
    http = flow["http"]
    assert http["learner opens the Formgrader"] == 404
    assert http["learner opens B's server"] in (403, 404)
    assert http["learner opens the instructor's server"] in (403, 404)
    assert http["instructor opens the Formgrader"] == 200


def test_grading_ran_sandboxed(flow):
    assert "isolation: bubblewrap" in flow["grade"], flow["grade"]
    assert "3 graded" in flow["grade"]


def test_each_learner_fetched_only_their_own_feedback(flow):
    expected = _expected()
    for key, pages in flow["pages"].items():
        assert len(pages) == 1 and pages[0], (key, pages)
        scores = {float(x) for x in re.findall(r"Score: ([\d.]+) / [\d.]+", pages[0])}
        assert expected[key] in scores, (key, sorted(scores))
        assert "_exactly(" not in pages[0]    # hidden tests stay hidden


def test_learner_servers_run_under_the_memory_and_process_caps(flow, hub_setup):
    from ccexercise.hub.settings import HubSettings

    settings = HubSettings.from_json((hub_setup["state"] / "hub.json").read_text())
    assert flow["limits"], "no process of the learner was found"
    for limits in flow["limits"]:
        assert limits["Max address space"] == settings.mem_limit_mb * 1024 * 1024
        assert limits["Max processes"] == settings.nproc_limit
        assert limits["nice"] == settings.nice


def test_a_learner_logs_in_and_moves_the_lesson_slider_in_chromium(flow, hub_setup):
    """Log in on the hub's page, open the lesson from the learner's own copy, Run All,
    and set the calculator's slider: the sentence and the chart must change."""
    browser_tests = hh.REPO / "tests" / "browser"
    sys.path.insert(0, str(browser_tests))
    import browser_helpers as bh
    import test_lessons

    problem = (None if bh.CHROMIUM.exists() else f"{bh.CHROMIUM} not found")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        problem = "the Python package playwright is not installed"
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the hub's browser test, but {problem}")
        pytest.skip(f"the hub's browser test needs Chromium and Playwright: {problem}")
    name, base = hub_setup["names"]["blank"], hub_setup["hub"].base
    artifacts = hh.REPO / "test-artifacts" / "hub" / "browser"
    artifacts.mkdir(parents=True, exist_ok=True)
    profile = artifacts.parent / "chromium-profile"
    shutil.rmtree(profile, ignore_errors=True)   # a fresh browser: no cookies from a last run

    def log_in_and_move_the_slider():
        with sync_playwright() as playwright:
            context = bh.launch_browser(playwright, profile)
            try:
                page = context.new_page()
                page.goto(base + "hub/login")
                page.fill("#username_input", name)
                page.fill("#password_input", hub_setup["password"])
                page.click("#login_submit")
                page.wait_for_url(re.compile(rf"/user/{re.escape(name)}/lab"), timeout=180_000)
                page.goto(base + f"user/{name}/lab/tree/ccexercise/course/{MODULE}/lesson.ipynb")
                expect(page.locator(".jp-NotebookPanel .jp-Cell").first).to_be_visible(
                    timeout=120_000)
                bh.wait_for_kernel_idle(page)
                bh.run_all_cells(page)
                test_lessons.INTERACTIONS[MODULE](page, artifacts)
                assert bh.error_outputs(page) == []
            except Exception:
                page.screenshot(path=str(artifacts / "failure.png"))
                raise
            finally:
                context.close()

    hh.in_own_thread(log_in_and_move_the_slider)   # see in_own_thread: no event loop there


def test_idle_servers_are_culled_by_a_hub_service(flow):
    culler = flow["services"].get("idle-culler")
    assert culler, sorted(flow["services"])
    assert "jupyterhub_idle_culler" in culler["command"] and "--timeout=3600" in culler["command"]


def test_phones_join_the_room_through_the_hub_without_an_account(flow, hub_setup):
    """--room 05_nps: <hub>/services/room/ is the phone page, with no hub login; the join
    code, then an answer to the question the facilitator secret opened, lands in the
    room's store; the control API needs the secret there too."""
    room, base = flow["room"], hub_setup["hub"].base
    assert f"phones join at {base}services/room/ with the code" in flow["printed"]
    assert room["page"].status_code == 200, room["page"].text[:500]
    assert "<title>Room poll</title>" in room["page"].text
    assert 'src="/services/room/room/phone.js"' in room["page"].text
    assert room["script"].status_code == 200 and "api/join" in room["script"].text
    assert room["control without secret"] == 403
    assert room["instructor env"], "the instructor's server has no CCEXERCISE_ROOM_SECRET"
    assert room["join"].status_code == 200, room["join"].text
    assert "Path=/services/room/" in room["join"].headers["Set-Cookie"]
    assert room["answer"].status_code == 200, room["answer"].text
    assert room["stored"] == [9]
    assert room["state"]["join_url"] == f"{base}services/room/"
    [recommend] = [q for q in room["state"]["questions"] if q["question"]["id"] == "recommend"]
    assert recommend["open"] and recommend["results"]["count"] == 1
    service = flow["services"].get("room")
    assert service and service["prefix"] == "/services/room/", flow["services"]


def test_only_the_instructors_server_gets_the_rooms_address_and_secret(flow):
    room = flow["room"]
    url = room["instructor env"].get("CCEXERCISE_ROOM_URL", "")
    assert url.startswith("http://127.0.0.1:") and url.endswith("/services/room/"), url
    assert room["learner processes"] > 0
    assert room["learners with room vars"] == []
    assert room["instructor env"]["CCEXERCISE_ROOM_SECRET"] not in flow["printed"]
