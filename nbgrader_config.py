"""nbgrader settings for the ccexercise course.

`solutions/` holds the source notebooks (with answers and hidden tests) and
`exercises/` the versions staff work on; run `ccexercise build MODULE` (which
runs `nbgrader generate_assignment MODULE`) from this folder to regenerate one.
"""

c = get_config()  # noqa: F821  (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "ccexercise"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# nbgrader's default name "solution" would be confused with our "solutions/".
c.CourseDirectory.solution_directory = "model_answers"
c.CourseDirectory.db_url = "sqlite:///gradebook.db"

# A learner who deletes a test cell gets it back, graded, rather than a silent
# "needs manual grading".
c.OverwriteCells.add_missing_cells = True

# Feedback must not show hidden tests: neither their code (ClearHiddenTests) nor
# a traceback quoting it (HideHiddenTestFailures, which must come before it: a
# failed hidden test shows one plain sentence, a failed visible assertion only
# its message). `ccexercise feedback` enforces this order whatever is set here;
# this setting makes the Formgrader and plain `nbgrader generate_feedback` safe too.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "ccexercise.pipeline.feedback.HideHiddenTestFailures",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Answer cells show `answer = ...` above the solution region, so the region
# itself is replaced by nothing: a learner only swaps `...` for an answer.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "Write your answer here."

# Every way of grading is safe: `nbgrader autograde` and the Formgrader's
# Autograde button run the kit's guarded execution (tests judged outside the
# learner's kernel) with the learner's kernel sandboxed, as `ccexercise grade`
# does; and one per-cell time limit (ccexercise.pipeline.stock.CELL_TIMEOUT)
# holds for every path, Validate included.
from ccexercise.pipeline.stock import configure  # noqa: E402

configure(c, __file__)
