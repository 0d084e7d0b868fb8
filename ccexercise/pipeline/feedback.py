"""Per-learner HTML feedback that shows no hidden test: neither its code nor a traceback quoting it.

nbgrader's ``generate_feedback`` turns each autograded notebook into
``feedback/<learner>/<module>/<notebook>.html``. Stock
``ClearHiddenTests`` removes the hidden lines from a test cell's source, but
the cell's *output* was made when the full cell ran, and IPython's traceback
prints the source lines around the one that failed: a failing hidden test
(``assert _exactly(margin, 0.2)``) shows itself, and even a failing visible
assertion shows the hidden lines below it as context.

:class:`HideHiddenTestFailures` runs before ``ClearHiddenTests`` and rewrites
the outputs of every graded cell that has hidden tests:

* a failure in the visible part keeps only its last line, the message meant
  for the learner (``AssertionError: A share is between 0 and 1 ...``), and
  no quoted source;
* a failure in the hidden part (or one it cannot place) becomes
  :data:`HIDDEN_FAILURE_MESSAGE`;
* anything else the cell printed is dropped, since hidden code may print.

Cells without hidden tests are left alone. :func:`generate_feedback` runs
nbgrader with these preprocessors whatever ``nbgrader_config.py`` says, then
reads every feedback file back and fails loudly if a line of a hidden test
still appears in one (:func:`find_leaks`).

>>> HIDDEN_FAILURE_MESSAGE
"Some of this task's tests are hidden; this task did not pass them."
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor
from traitlets import Unicode

from .course import NbgraderError, load_config, run_nbgrader, select_modules, setting

__all__ = ["FEEDBACK_PREPROCESSORS", "FeedbackResult", "HIDDEN_FAILURE_MESSAGE",
           "HideHiddenTestFailures", "failure_line", "feedback_preprocessors", "find_leaks",
           "generate_feedback", "hidden_line_range", "hidden_test_lines", "html_text",
           "strip_ansi"]

#: What a learner sees instead of the traceback of a failed hidden test.
HIDDEN_FAILURE_MESSAGE = "Some of this task's tests are hidden; this task did not pass them."

_THIS = f"{__name__}.HideHiddenTestFailures"
_CLEAR = "nbgrader.preprocessors.ClearHiddenTests"

#: The feedback pipeline :func:`generate_feedback` uses when the course config names none.
FEEDBACK_PREPROCESSORS = (
    "nbgrader.preprocessors.GetGrades",
    _THIS,
    _CLEAR,
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
)

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# IPython 8: "Cell In[4], line 6"; IPython 7: "<ipython-input-4-...> in <module>" then "----> 6".
_CELL_FRAME = re.compile(r"Cell In\s*\[\d*\],\s*line (\d+)")
_OLD_FRAME = re.compile(r"<ipython-input-[^>]*>.*?\n\s*-+>\s*(\d+)", re.S)


def strip_ansi(text: str) -> str:
    """``text`` without terminal colour codes.

    >>> strip_ansi("\\x1b[31mAssertionError\\x1b[39m: no")
    'AssertionError: no'
    """
    return _ANSI.sub("", text)


def hidden_line_range(source: str, begin: str = "BEGIN HIDDEN TESTS",
                      end: str = "END HIDDEN TESTS") -> list[tuple[int, int]]:
    """The 1-based, inclusive line ranges of the hidden-test regions of ``source``, delimiters included.

    An unclosed region runs to the end of the cell.

    >>> hidden_line_range("a\\n### BEGIN HIDDEN TESTS\\nb\\n### END HIDDEN TESTS\\nc")
    [(2, 4)]
    >>> hidden_line_range("a = 1")
    []
    """
    ranges, start = [], None
    lines = source.split("\n")
    for number, line in enumerate(lines, start=1):
        if start is None and begin in line:
            start = number
        elif start is not None and end in line:
            ranges.append((start, number))
            start = None
    if start is not None:
        ranges.append((start, len(lines)))
    return ranges


def failure_line(traceback: list[str]) -> int | None:
    """The line of the test cell that raised, read from an IPython traceback; None if not found.

    The first cell frame is the test cell itself; later ones are functions it called.

    >>> failure_line(["AssertionError   Traceback", "Cell In[4], line 6\\n      5 x\\n----> 6 y", "E: "])
    6
    >>> failure_line(["KeyboardInterrupt"]) is None
    True
    """
    text = strip_ansi("\n".join(traceback or []))
    found = _CELL_FRAME.search(text) or _OLD_FRAME.search(text)
    return int(found.group(1)) if found else None


def _error_summary(output) -> str:
    """The last line of a traceback: ``AssertionError: message`` (no source)."""
    ename = output.get("ename", "") or "Error"
    evalue = output.get("evalue", "") or ""
    return f"{ename}: {evalue}" if evalue else ename


class HideHiddenTestFailures(NbGraderPreprocessor):
    """Rewrite the outputs of graded cells with hidden tests so they reveal none of them.

    Must run before ``ClearHiddenTests`` (it reads the hidden regions from
    the source). See the module documentation for what is kept.
    """

    message = Unicode(HIDDEN_FAILURE_MESSAGE,
                      help="Shown instead of the traceback of a failed hidden test.").tag(config=True)
    begin_test_delimeter = Unicode(ClearHiddenTests.begin_test_delimeter.default_value,
                                   help="Marks the start of hidden tests (as ClearHiddenTests)."
                                   ).tag(config=True)
    end_test_delimeter = Unicode(ClearHiddenTests.end_test_delimeter.default_value,
                                 help="Marks the end of hidden tests (as ClearHiddenTests)."
                                 ).tag(config=True)

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code":
            return cell, resources
        hidden = hidden_line_range(cell.source, self.begin_test_delimeter, self.end_test_delimeter)
        if not hidden:
            return cell, resources
        outputs = []
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue  # hidden code may print; nothing but the verdict is shown
            line = failure_line(output.get("traceback", []))
            in_hidden = line is None or any(start <= line <= end for start, end in hidden)
            summary = self.message if in_hidden else _error_summary(output)
            output["traceback"] = [summary]
            if in_hidden:
                output["ename"], output["evalue"] = "HiddenTestsFailed", self.message
            outputs.append(output)
        cell.outputs = outputs
        return cell, resources


def feedback_preprocessors(configured: list | tuple | None = None) -> list[str]:
    """The feedback pipeline: ``configured`` (the course's, or nbgrader's default) made safe.

    :class:`HideHiddenTestFailures` and then ``ClearHiddenTests`` (added if
    missing) go right after ``GetGrades`` (first when it is absent); the other
    preprocessors keep their order.

    >>> feedback_preprocessors(["nbgrader.preprocessors.GetGrades",
    ...                         "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"])[1:3]
    ['ccexercise.pipeline.feedback.HideHiddenTestFailures', 'nbgrader.preprocessors.ClearHiddenTests']
    """
    names = []
    for item in configured or FEEDBACK_PREPROCESSORS:
        name = item if isinstance(item, str) else f"{item.__module__}.{item.__qualname__}"
        if name.rsplit(".", 1)[-1] not in ("HideHiddenTestFailures", "ClearHiddenTests"):
            names.append(name)
    at = next((i + 1 for i, n in enumerate(names) if n.endswith(".GetGrades")), 0)
    return names[:at] + [_THIS, _CLEAR] + names[at:]


# --------------------------------------------------------------------------
# Checking the result
# --------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def hidden_test_lines(notebook: Path) -> set[str]:
    """The distinctive lines of a source notebook's hidden tests (stripped, no delimiters).

    Lines that also appear outside hidden regions, and very short ones, are
    left out: finding them in feedback would prove nothing.
    """
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    hidden, visible = set(), set()
    for cell in nb.cells:
        lines = cell.source.split("\n")
        ranges = hidden_line_range(cell.source) if cell.cell_type == "code" else []
        for number, line in enumerate(lines, start=1):
            inside = any(start < number < end for start, end in ranges)
            on_delimiter = any(number in (start, end) for start, end in ranges)
            if not on_delimiter:
                (hidden if inside else visible).add(line.strip())
    return {line for line in hidden - visible if len(line) >= 12}


def html_text(document: str) -> str:
    """The visible text of an HTML page, tags removed and entities decoded, spaces collapsed.

    >>> html_text('<span class="x">assert</span> <b>_exactly</b>(a, &quot;b&quot;)')
    'assert _exactly(a, "b")'
    """
    return re.sub(r"[ \t]+", " ", html.unescape(_TAG.sub("", document)))


def find_leaks(document: str, hidden_lines: set[str]) -> list[str]:
    """The hidden-test lines that appear in the HTML ``document`` (empty when none does).

    >>> find_leaks("<pre>assert <span>_exactly</span>(x, 1)</pre>", {"assert _exactly(x, 1)"})
    ['assert _exactly(x, 1)']
    """
    text = html_text(document)
    squeezed = re.sub(r"\s+", " ", text)
    return sorted(line for line in hidden_lines
                  if re.sub(r"\s+", " ", line) in squeezed)


@dataclass
class FeedbackResult:
    """What :func:`generate_feedback` made: feedback files by (learner, module), and problems."""

    files: dict[tuple[str, str], list[Path]] = field(default_factory=dict)
    #: (learner, module) with an autograded notebook but no feedback file.
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    #: (feedback file, hidden line found in it).
    leaks: list[tuple[Path, str]] = field(default_factory=list)
    #: (module, nbgrader's error) for runs that failed (the pages made are still checked).
    errors: list[tuple[str, str]] = field(default_factory=list)


def generate_feedback(root: Path, requested: list[str] | None = None, *,
                      db_url: str | None = None) -> FeedbackResult:
    """Run nbgrader generate_feedback for each module, with hidden tests stripped, and check the HTML."""
    root = Path(root)
    chosen = select_modules(root, requested)
    configured = setting(load_config(root), "GenerateFeedback", "preprocessors", None)
    pipeline = feedback_preprocessors(configured)
    result = FeedbackResult()
    for module in chosen:
        autograded = sorted((root / "autograded").glob(f"*/{module}/*.ipynb"))
        if not autograded:
            continue
        try:
            # enforce_metadata=False: "BEGIN HIDDEN TESTS" typed into a learner's own answer
            # cell is removed like any hidden region instead of failing their feedback.
            run_nbgrader(root, "generate_feedback", module, "--force",
                         f"--GenerateFeedback.preprocessors={pipeline!r}",
                         "--ClearHiddenTests.enforce_metadata=False", db_url=db_url)
        except NbgraderError as error:
            result.errors.append((module, str(error)))
        hidden = {}
        for source in sorted((root / "solutions" / module).glob("*.ipynb")):
            hidden[source.stem] = hidden_test_lines(source)
        for notebook in autograded:
            learner = notebook.parent.parent.name
            page = root / "feedback" / learner / module / f"{notebook.stem}.html"
            if not page.is_file():
                result.missing.append((learner, module, notebook.stem))
                continue
            result.files.setdefault((learner, module), []).append(page)
            for line in find_leaks(page.read_text(encoding="utf-8"), hidden.get(notebook.stem, set())):
                result.leaks.append((page, line))
    return result
