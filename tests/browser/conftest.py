"""Real-browser tests: Debian Chromium driven by Playwright, against real servers.

- Missing Chromium or Playwright: skipped with what to install, except in CI
  (``CI=true``), where a skip would hide a broken set-up: there they fail.
- One copy of the course in a temporary folder (running notebooks never
  touches the repository), one JupyterLab and one Voila server for the whole
  session, each with its own HOME and Jupyter folders, each in its own process
  group, started on first use and stopped at the end.
- One browser per test file (see ``browser``), a new page per test.
- Screenshots go to ``test-artifacts/browser/<test name>/``; a failing test
  also gets a screenshot of the page at the moment it failed and the server
  logs there. Each test's report names that folder.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import browser_helpers as bh  # noqa: E402

INSTALL_HINT = ("install Debian's Chromium and Playwright for Python: "
                "`sudo apt-get install chromium` and `pip install playwright` "
                "(no `playwright install` needed), or just run `make test` as root, "
                "which installs both")


def _missing() -> str | None:
    problems = []
    if not bh.CHROMIUM.exists():
        problems.append(f"{bh.CHROMIUM} not found")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the Python package playwright is not installed")
    if not problems:
        return None
    return f"browser tests need a browser: {'; '.join(problems)}; {INSTALL_HINT}"


_MISSING = _missing()
_USED_FOLDERS: list[Path] = []
_FIRST_TEST_STARTED: list[float] = []
_LAST_TEST_ENDED: list[float] = []


def _require_browser() -> None:
    """Skip, or with CI=true fail, when Chromium or Playwright is missing."""
    if _MISSING:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{_MISSING} (CI=true: a skipped browser test is a failure here)",
                        pytrace=False)
        pytest.skip(_MISSING)


@pytest.fixture(autouse=True)
def _browser_available(request):
    """Every test that drives the browser, before anything starts (the session fixtures
    below check too, as pytest sets those up first)."""
    if {"page", "browser"} & set(request.fixturenames):
        _require_browser()


@pytest.fixture(scope="session")
def browser_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="session")
def course_copy(browser_tmp) -> Path:
    """A copy of the course the servers serve; tests may write into it."""
    return bh.copy_course(browser_tmp / "course")


@pytest.fixture(scope="session")
def lab_server(browser_tmp, course_copy):
    """JupyterLab on the course copy, its gradebook knowing every module (nbgrader
    generate_assignment runs while the server starts)."""
    _require_browser()
    generate = bh.generate_assignments(course_copy, browser_tmp / "nbgrader-home")
    server = bh.start_lab(course_copy, browser_tmp / "lab-home", browser_tmp / "lab.log")
    try:
        output, _ = generate.communicate(timeout=300)
        assert generate.returncode == 0, f"nbgrader generate_assignment failed:\n{output}"
        yield server.wait()
    finally:
        if generate.poll() is None:
            generate.kill()
        server.stop()


@pytest.fixture(scope="session")
def voila_server(browser_tmp, course_copy):
    _require_browser()
    server = bh.start_voila(course_copy, browser_tmp / "voila-home", browser_tmp / "voila.log")
    try:
        yield server.wait()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(browser_tmp):
    """One Chromium per test file. Not per session: sync Playwright keeps an asyncio loop
    running in the main thread while it is up, which would break ``asyncio.run`` (and
    Dask's synchronous client) in whatever test files this xdist worker runs next."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = bh.launch_browser(playwright, browser_tmp / "chromium-profile")
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def artifacts(request) -> Iterator[Path]:
    """``test-artifacts/browser/<test name>/``, emptied for this run."""
    folder = bh.ARTIFACTS / bh.safe_name(request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    request.node.artifacts_folder = folder
    _USED_FOLDERS.append(folder)
    yield folder
    _LAST_TEST_ENDED[:] = [time.monotonic()]


@pytest.fixture(autouse=True)
def _no_kernels_left(request):
    """After a test on the shared JupyterLab (and after its page closed), stop its kernels."""
    yield
    server = request.node.funcargs.get("lab_server")  # only there if it started
    if isinstance(server, bh.Server) and server.process.running:
        bh.shut_down_kernels(server)


@pytest.fixture
def page(browser, artifacts, request):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    request.node.browser_page = page
    request.node.page_errors = errors
    yield page
    page.close()


@pytest.fixture(scope="session", autouse=True)
def _clock():
    """Session-scoped and autouse, so it starts before the servers and the browser."""
    _FIRST_TEST_STARTED.append(time.monotonic())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    folder: Path | None = getattr(item, "artifacts_folder", None)
    if folder is None or report.when not in ("setup", "call"):
        return
    if report.failed:
        page = getattr(item, "browser_page", None)
        if page is not None and not page.is_closed():
            try:
                page.screenshot(path=str(folder / "failure.png"))
            except Exception as error:  # the page may be what broke
                (folder / "failure-screenshot-error.txt").write_text(str(error))
        for name in ("lab_server", "voila_server"):
            server = item.funcargs.get(name)
            if isinstance(server, bh.Server):
                shutil.copy(server.log_path, folder / f"{name}.log")
        page_errors = getattr(item, "page_errors", [])
        if page_errors:
            (folder / "page-errors.txt").write_text("\n".join(page_errors))
    if report.when == "call" or report.failed:
        files = ", ".join(sorted(p.name for p in folder.iterdir())) or "nothing saved"
        report.sections.append(("browser artifacts",
                                f"{folder.relative_to(bh.REPO)}/  ({files})"))


def pytest_terminal_summary(terminalreporter):
    if not _USED_FOLDERS:
        return
    seconds = (_LAST_TEST_ENDED or [time.monotonic()])[0] - _FIRST_TEST_STARTED[0]
    terminalreporter.write_line(
        f"browser tests: {seconds:.0f} s (starting servers and browser, and the tests); "
        f"screenshots and "
        f"logs in {bh.ARTIFACTS.relative_to(bh.REPO)}/, e.g. "
        f"{_USED_FOLDERS[0].relative_to(bh.REPO)}/")


@pytest.fixture(scope="module")
def playwright_chromium(browser_tmp):
    """``(playwright, browser)``: one headless Chromium per test file for tests that need
    contexts of their own (phone profiles from ``playwright.devices``, a laptop); make them
    with :func:`browser_helpers.local_context`. Not with ``browser`` in the same file
    (one sync Playwright at a time)."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = bh.launch_chromium(playwright, browser_tmp / "chromium-home")
        try:
            yield playwright, browser
        finally:
            browser.close()
