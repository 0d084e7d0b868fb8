"""Working out, from a file's name and folders, which exercise it is and who sent it.

:func:`_identify_exercise` finds the notebook name inside the file name
(whatever an LMS or a browser put around it), and so the module;
:func:`_identify_learner` matches what is left, then the folders,
innermost first, against the roster, or makes a learner id from the name
when there is no roster. :class:`_Course` holds what both need to know
about the course.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..roster import Learner, roster_index, match_learner, name_tokens
from ._input import _Entry

__all__: list[str] = []

# Words LMSs and browsers add to names; not part of anyone's name.
_NOISE = re.compile(r"^(\d+|assignsubmission|file|onlinetext|late|copy\d*|ipynb|submission)$")
# LMS naming schemes: (who sent it, the original file name).
_LMS = (
    # Moodle: "Ana Silva_1234_assignsubmission_file_lost_customer_cost.ipynb" or folder "..._file_"
    re.compile(r"^(?P<who>.+?)_\d+_assignsubmission_(?:file|onlinetext)_?(?P<rest>.*)$", re.I),
    # Canvas: "silvaana_1234_5678_lost_customer_cost.ipynb", "silvaana_LATE_1234_5678_..."
    re.compile(r"^(?P<who>[a-z][a-z\-]*)(?:_late)?_\d+_\d+_(?P<rest>.+)$", re.I),
    # Brightspace: "1234-5678 - Ana Silva - Jan 5, 2024 1041 AM - lost_customer_cost.ipynb"
    re.compile(r"^\d+-\d+ - (?P<who>.+?) - .+? - (?P<rest>.+)$"),
)


@dataclass
class _Course:
    """What collect needs to know about the course."""

    notebooks: dict[str, list[str]]           # module -> notebook stems
    roster: list[Learner] | None
    only: str | None                          # --module

    def __post_init__(self):
        self.index = roster_index(self.roster) if self.roster is not None else None
        self.by_words = sorted(((name_tokens(nb), m, nb) for m, nbs in self.notebooks.items()
                                for nb in nbs), key=lambda t: -len(t[0]))
        self.module_words = {}
        for module in self.notebooks:
            words = name_tokens(module)
            self.module_words[tuple(words)] = module
            if len(words) > 1 and words[0].isdigit():
                self.module_words[tuple(words[1:])] = module


def _find(words: list[str], needle: list[str]) -> int:
    """Where ``needle`` occurs in ``words`` (last occurrence), or -1."""
    for start in range(len(words) - len(needle), -1, -1):
        if words[start:start + len(needle)] == needle:
            return start
    return -1


def _identify_exercise(entry: _Entry, course: _Course
                       ) -> tuple[str | None, str | None, str, list[str], str]:
    """(module, notebook, problem, what is left of the file name around the notebook name, detail).

    ``problem`` is "" when the exercise is known.
    """
    stem = PurePosixPath(entry.parts[-1]).stem
    who, rest = None, stem
    for pattern in _LMS:
        found = pattern.match(stem)
        if found:
            who, rest = found["who"], found["rest"]
            break
    words = name_tokens(rest)
    folder_modules = [course.module_words[tuple(name_tokens(p))] for p in entry.parts[:-1]
                      if tuple(name_tokens(p)) in course.module_words]
    hits = []
    for needle, module, notebook in course.by_words:
        at = _find(words, needle)
        if at >= 0 and (not hits or len(needle) == len(hits[0][0])):
            hits.append((needle, module, notebook, at))
    if who:
        leftovers = [who]
    elif hits:
        needle, _, _, at = hits[0]
        leftovers = [" ".join(words[:at]), " ".join(words[at + len(needle):])]
    else:
        leftovers = [" ".join(words)]
    candidates = {(m, nb) for _, m, nb, _ in hits}
    if folder_modules:
        narrowed = {(m, nb) for m, nb in candidates if m == folder_modules[-1]}
        candidates = narrowed or candidates
    if course.only:
        inside = {(m, nb) for m, nb in candidates if m == course.only}
        if candidates and not inside:
            others = ", ".join(sorted({m for m, _ in candidates}))
            return None, None, "other module", leftovers, (
                f"the file name names a notebook of {others}, but --module {course.only} was given")
        candidates = inside
    if not candidates:
        scope = {course.only: course.notebooks[course.only]} if course.only else course.notebooks
        expected = "; ".join(f"{m}: {', '.join(nb + '.ipynb' for nb in nbs)}"
                             for m, nbs in scope.items())
        return None, None, "unknown module", leftovers, (
            f"the file name contains none of the exercise notebook names ({expected}); "
            "rename it to contain one and collect again")
    if len(candidates) > 1:
        return None, None, "unknown module", leftovers, (
            "the notebook name belongs to several modules ("
            + ", ".join(sorted(m for m, _ in candidates))
            + "); put the file in a folder named after its module, or use --module")
    module, notebook = candidates.pop()
    return module, notebook, "", leftovers, ""


def _identify_learner(entry: _Entry, leftovers: list[str], course: _Course
                      ) -> tuple[str | None, str, str]:
    """(learner id, problem, detail). The file name is tried first, then folders, innermost first."""
    candidates = [(text, "the file name") for text in leftovers if text]  # (text, where)
    for part in reversed(entry.parts[:-1]):
        words = tuple(name_tokens(part))
        if words in course.module_words or any(words == tuple(w) for w, _, _ in course.by_words):
            continue
        who = part
        for pattern in _LMS:
            found = pattern.match(part)
            if found:
                who = found["who"]
                break
        candidates.append((who, f"the folder {part!r}"))
    if course.index is not None:
        guess = ""
        for text, where in candidates:
            ids, _ = match_learner(text, course.index)
            if len(ids) == 1:
                return ids.pop(), "", f"learner found in {where}"
            if len(ids) > 1:
                return None, "ambiguous learner", (
                    f"{text!r} ({where}) matches several learners of the roster: "
                    f"{', '.join(sorted(ids))}; rename the file with a learner_id, or add aliases")
            meaningful = [w for w in name_tokens(text) if not _NOISE.match(w)]
            if meaningful and not guess:
                guess = f"{' '.join(meaningful)!r} ({where})"
        if guess:
            return None, "unknown learner", (f"no roster entry matches {guess}; add them (or an alias) "
                                             "to the roster and collect again")
        return None, "unknown learner", "neither the file name nor its folders name a learner"
    for text, where in candidates:
        meaningful = [w for w in name_tokens(text) if not _NOISE.match(w)]
        if meaningful:
            return "_".join(meaningful), "", f"learner id made from {where} (no roster given)"
    return None, "unknown learner", ("neither the file name nor its folders name a learner; "
                                     "put it in a folder named after the learner")
