"""One reader of ``nbgrader_config.py``: grade and report open the gradebook with one course id.

Both read the configuration as nbgrader run in the course folder does (the
Jupyter config path, then the course's own file), so a course id set only
in a user's or a deployment's ``nbgrader_config.py`` counts for both, and
the course's own file wins over it.
"""

from __future__ import annotations

import pytest

from ccexercise.pipeline import course
from ccexercise.pipeline.grade import _run
from ccexercise.pipeline.report import _cohort

MODULE = "01_x"


class _Opened(Exception):
    """Raised by the fake gradebook: the course id is known, nothing more is needed."""


@pytest.fixture
def opened(monkeypatch):
    """The course ids the gradebook is opened with, in order."""
    import nbgrader.api

    seen = []

    def gradebook(db_url, course_id="default_course", *args, **kwargs):
        seen.append(course_id)
        raise _Opened

    monkeypatch.setattr(nbgrader.api, "Gradebook", gradebook)
    return seen


def _config(folder, course_id):
    folder.mkdir(parents=True, exist_ok=True)
    text = "c = get_config()  # noqa: F821\n"
    if course_id is not None:
        text += f"c.CourseDirectory.course_id = {course_id!r}\n"
    (folder / "nbgrader_config.py").write_text(text)


@pytest.mark.parametrize("in_course, in_user_config, expected", [
    (None, None, "default_course"),
    (None, "from-user-config", "from-user-config"),
    ("cx-101", None, "cx-101"),
    ("cx-101", "from-user-config", "cx-101"),
])
def test_grade_and_report_agree_on_the_course_id(tmp_path, monkeypatch, opened, in_course,
                                                 in_user_config, expected):
    user = tmp_path / "jupyter-config"
    _config(user, in_user_config)
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(user))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(user))
    root = tmp_path / "course"
    _config(root, in_course)
    (root / "solutions" / MODULE).mkdir(parents=True)
    (root / "gradebook.db").write_bytes(b"")
    url = f"sqlite:///{root / 'gradebook.db'}"

    with pytest.raises(_Opened):            # ccexercise grade: every task's gradebook
        _run._module_facts(root, course.load_config(root), url, [MODULE])
    with pytest.raises(_Opened):            # ccexercise report
        _cohort.gather(root, db_url=url)

    assert opened == [expected, expected]
    assert course.course_id(course.load_config(root)) == expected


def test_the_course_file_sets_the_gradebook_over_the_jupyter_config_path(tmp_path, monkeypatch):
    user = tmp_path / "jupyter-config"
    user.mkdir()
    (user / "nbgrader_config.py").write_text(
        'c = get_config()  # noqa: F821\nc.CourseDirectory.db_url = "sqlite:////elsewhere/gb.db"\n'
        'c.CourseDirectory.autograded_directory = "marked"\n')
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(user))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(user))
    root = tmp_path / "course"
    root.mkdir()
    assert course.resolve_db_url(root) == "sqlite:////elsewhere/gb.db"
    assert course.autograded_dir(course.load_config(root)) == "marked"
    (root / "nbgrader_config.py").write_text(
        'c = get_config()  # noqa: F821\nc.CourseDirectory.db_url = "sqlite:///gradebook.db"\n')
    assert course.resolve_db_url(root) == f"sqlite:///{(root / 'gradebook.db').resolve()}"
    assert course.autograded_dir(course.load_config(root)) == "marked"
