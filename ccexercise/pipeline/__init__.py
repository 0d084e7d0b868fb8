"""The exercise pipeline behind ``ccexercise build | collect | grade | feedback | report``.

Each step is a module or a package here (:mod:`.build`, :mod:`.collect`,
:mod:`.grade`, :mod:`.feedback`, :mod:`.report`); the commands in
:mod:`ccexercise.commands` are thin wrappers. They share :mod:`.course`
(the course's ``nbgrader_config.py``, read one way, and running nbgrader),
:mod:`.roster` (the learners), :mod:`.records` (the grading journal) and
:mod:`.integrity` (everything that keeps a submission honest: checks before
grading, the guarded and sandboxed execution, flags after). :mod:`.stock`
makes nbgrader's own ``autograde`` as safe as ``ccexercise grade``.
"""
