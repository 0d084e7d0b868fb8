"""Import learner notebooks, as they arrive by e-mail or from an LMS download, into ``submitted/``.

:func:`collect` takes a folder or a ``.zip`` (zips inside it are opened
too) and works out, for every file, who sent it and which exercise it is:

* the **exercise** from the file name, which must contain the name of one
  of the course's notebooks (``solutions/<module>/<notebook>.ipynb``),
  whatever is around it: ``Ana Silva_1234_assignsubmission_file_lost_customer_cost.ipynb``
  (Moodle), ``silvaana_1234_5678_lost_customer_cost.ipynb`` (Canvas),
  ``ana.silva-lost_customer_cost.ipynb``, ``lost_customer_cost (3).ipynb``,
  ``lost_customer_cost-Copy1.ipynb``. A folder named after a module
  settles which module when two share a notebook name;
* the **learner** from what is left of the file name, else from the
  nearest folder that names someone (``Ana Silva/lost_customer_cost.ipynb``,
  Moodle's ``Ana Silva_1234_assignsubmission_file_/``). With a roster the
  name must match a learner's ``learner_id``, ``name`` (either order),
  e-mail (or the part before the ``@``) or one of their ``aliases``,
  ignoring case, accents and punctuation; without one, the name itself,
  folded to ``ana_silva``, becomes the learner id.

Each file placed goes to ``submitted/<learner>/<module>/<notebook>.ipynb``
(its date kept). Nothing is dropped: a file that cannot be placed, and the
older copy when a learner sent the same notebook twice (the newest one, by
file date or zip entry date, is kept), is copied to
``.ccexercise/unplaced/``. Every file, placed or not, gets a line in
``.ccexercise/collect-report.csv`` with the columns

``file``
    where it came from (``batch.zip:Ana Silva/lost_customer_cost.ipynb``);
``problem``
    empty when placed without trouble, else one of :data:`PROBLEMS`;
``detail``
    what was found, in plain words;
``action``
    what was done: placed (where), set aside (where), ignored;
``learner_id``, ``module``
    who and which module, when known.

>>> fold("  Ána  SILVA-Ñ ")
'ana silva-n'
>>> name_tokens("Ana Silva_1234_assignsubmission_file_lost_customer_cost (3)")
['ana', 'silva', '1234', 'assignsubmission', 'file', 'lost', 'customer', 'cost', '3']
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from .._course import modules as course_modules

__all__ = ["CollectResult", "Learner", "PROBLEMS", "REPORT_COLUMNS", "ROSTER_COLUMNS",
           "RosterError", "Row", "collect", "fold", "format_table", "load_roster",
           "match_learner", "name_tokens", "read_collect_report", "write_collect_report"]

#: The problems a report line can name (an empty problem means: placed, all fine).
PROBLEMS = {
    "not a notebook": "not an .ipynb file",
    "unreadable notebook": "an .ipynb file that is not a valid notebook",
    "unknown module": "its name matches none of the exercise notebooks",
    "other module": "a notebook of another module than the one given with --module",
    "unknown learner": "nobody in the roster matches the name found, or no name was found",
    "ambiguous learner": "the name found matches more than one learner of the roster",
    "duplicate": "the learner sent this notebook more than once; only the newest is kept",
}

#: Columns of ``collect-report.csv``.
REPORT_COLUMNS = ("file", "problem", "detail", "action", "learner_id", "module")

#: Where collect keeps its report and the files it could not place, under the course root.
STATE = ".ccexercise"
REPORT = f"{STATE}/collect-report.csv"
UNPLACED = f"{STATE}/unplaced"

# Operating-system and editor leftovers: listed, never copied.
_JUNK = {
    "__macosx": "macOS archive metadata (__MACOSX folder)",
    ".ds_store": "macOS Finder metadata",
    "thumbs.db": "Windows thumbnail cache",
    "desktop.ini": "Windows folder settings",
    ".ipynb_checkpoints": "Jupyter autosave checkpoint (the notebook itself is beside its folder)",
}
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
_LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]*$")


def fold(text: str) -> str:
    """``text`` in lower case without accents, trimmed: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().strip()


def name_tokens(text: str) -> list[str]:
    """The words and numbers of a name, folded; punctuation and spaces only separate them."""
    return re.findall(r"[a-z0-9]+", fold(text))


# --------------------------------------------------------------------------
# The roster
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Learner:
    """One line of the roster."""

    learner_id: str
    name: str = ""
    email: str = ""
    aliases: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        """Every spelling a file or folder name may use for this learner, squeezed (no separators).

        >>> sorted(Learner("asilva", "Ana Silva", "ana.silva@example.org", ("Ana S",)).keys())
        ['anas', 'anasilva', 'anasilvaexampleorg', 'asilva', 'silvaana']
        """
        keys = {"".join(name_tokens(self.learner_id))}
        for alias in self.aliases:
            keys.add("".join(name_tokens(alias)))
        words = name_tokens(self.name)
        if words:
            keys.add("".join(words))
            if len(words) > 1:
                keys.add("".join(words[-1:] + words[:-1]))  # "Silva Ana", Canvas's sortable name
                keys.add("".join(reversed(words)))
        if self.email:
            keys.add("".join(name_tokens(self.email.split("@")[0])))
            keys.add("".join(name_tokens(self.email)))
        return {k for k in keys if k}


class RosterError(ValueError):
    """The roster file has problems; ``.problems`` lists every one as (row, column, reason)."""

    def __init__(self, message: str, problems: list[tuple[int, str, str]]):
        super().__init__(message)
        self.problems = problems


ROSTER_COLUMNS = ("learner_id", "name", "email", "aliases")


def load_roster(path: str | os.PathLike) -> list[Learner]:
    """The learners of a roster CSV: ``learner_id`` (required), ``name``, ``email``, ``aliases``.

    ``aliases`` holds other spellings separated by ``;``. Other columns are
    allowed and ignored; empty lines are skipped. Any bad row stops the
    load with a :class:`RosterError` that names every problem by
    spreadsheet row (the header is row 1) and column.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no roster file at {path}")
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        raise RosterError(f"roster {path} is empty; it needs a header row with at least "
                          f"the column learner_id (allowed: {', '.join(ROSTER_COLUMNS)})", [])
    header = [fold(h) for h in records[0]]
    if "learner_id" not in header:
        hint = ("; it seems to use ';' between values: save it as comma-separated CSV"
                if len(header) == 1 and ";" in header[0] else "")
        raise RosterError(f"roster {path} has no learner_id column (its columns are "
                          f"{', '.join(repr(h) for h in records[0])}; allowed: "
                          f"{', '.join(ROSTER_COLUMNS)}){hint}", [(1, "learner_id", "is missing")])
    learners, problems, seen = [], [], {}
    for number, cells in enumerate(records[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append((number, "*", f"has {len(cells)} cells but the header has {len(header)}"))
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        learner_id = row.get("learner_id", "")
        if not learner_id:
            problems.append((number, "learner_id", "is empty"))
            continue
        if not _LEARNER_ID.match(learner_id):
            problems.append((number, "learner_id", f"{learner_id!r} may only hold letters, digits "
                             "and . _ @ + - (it becomes a folder name), starting with a letter or digit"))
            continue
        if learner_id in seen:
            problems.append((number, "learner_id", f"{learner_id!r} repeats row {seen[learner_id]}"))
            continue
        email = row.get("email", "")
        if email and "@" not in email:
            problems.append((number, "email", f"{email!r} is not an e-mail address"))
            continue
        seen[learner_id] = number
        aliases = tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip())
        learners.append(Learner(learner_id, row.get("name", ""), email, aliases))
    if problems:
        shown = "; ".join(f"row {r}, column {c}: {why}" for r, c, why in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise RosterError(f"roster {path} has {len(problems)} bad row(s): {shown}{more}", problems)
    return learners


def _roster_index(learners: list[Learner]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for learner in learners:
        for key in learner.keys():
            index.setdefault(key, set()).add(learner.learner_id)
    return index


def match_learner(text: str, index: dict[str, set[str]]) -> tuple[set[str], str]:
    """The learner ids whose spelling appears as whole words in ``text``, and the words matched.

    The longest match wins; several learners only come back on a tie.

    >>> index = _roster_index([Learner("asilva", "Ana Silva"), Learner("bo", "Bo Li")])
    >>> match_learner("Ana Silva_1234_assignsubmission_file_", index)
    ({'asilva'}, 'anasilva')
    >>> match_learner("downloads", index)
    (set(), '')
    """
    words = name_tokens(text)
    best: tuple[int, set[str], str] = (0, set(), "")
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            key = "".join(words[start:end])
            if key in index:
                if len(key) > best[0]:
                    best = (len(key), set(index[key]), key)
                elif len(key) == best[0]:
                    best[1].update(index[key])
    return best[1], best[2]


# --------------------------------------------------------------------------
# Reading the input
# --------------------------------------------------------------------------

@dataclass
class _Entry:
    """One file found in the input."""

    origin: str                 # shown in the report
    parts: tuple[str, ...]      # path inside the input, folders then file name
    data: bytes
    when: datetime


def _junk_reason(parts: tuple[str, ...]) -> str | None:
    for part in parts:
        reason = _JUNK.get(part.casefold())
        if reason:
            return reason
    if parts[-1].startswith("._"):
        return "macOS resource fork (._ file)"
    return None


def _zip_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:  # not marked UTF-8: Python read it as cp437
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def _safe_parts(name: str) -> tuple[str, ...]:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return tuple(p for p in parts if p not in ("/", "..", ".", ""))


def _read_zip(data: bytes | Path, label: str, depth: int = 0) -> list[_Entry]:
    entries = []
    with zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            parts = _safe_parts(_zip_name(info))
            if not parts:
                continue
            content = archive.read(info)
            when = datetime(*info.date_time)
            origin = f"{label}:{'/'.join(parts)}"
            if parts[-1].lower().endswith(".zip") and depth < 3 and zipfile.is_zipfile(io.BytesIO(content)):
                for inner in _read_zip(content, origin, depth + 1):
                    inner.parts = parts[:-1] + (PurePosixPath(parts[-1]).stem,) + inner.parts
                    entries.append(inner)
            else:
                entries.append(_Entry(origin, parts, content, when))
    return entries


def _read_input(source: Path) -> list[_Entry]:
    if source.is_file():
        if not zipfile.is_zipfile(source):
            raise ValueError(f"{source} is neither a folder nor a .zip file; give the folder "
                             "of notebooks or the .zip downloaded from the LMS")
        return _read_zip(source, source.name)
    if not source.is_dir():
        raise FileNotFoundError(f"no folder or .zip file at {source}")
    entries = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source)
        origin = f"{source.name}/{rel.as_posix()}"
        if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
            for inner in _read_zip(path, origin, 1):
                inner.parts = rel.parts[:-1] + (path.stem,) + inner.parts
                entries.append(inner)
        else:
            entries.append(_Entry(origin, rel.parts, path.read_bytes(),
                                  datetime.fromtimestamp(path.stat().st_mtime)))
    return entries


# --------------------------------------------------------------------------
# Working out learner and exercise
# --------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the collect report."""

    file: str
    problem: str = ""
    detail: str = ""
    action: str = ""
    learner_id: str = ""
    module: str = ""

    def as_dict(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in REPORT_COLUMNS}


@dataclass
class _Course:
    """What collect needs to know about the course."""

    notebooks: dict[str, list[str]]           # module -> notebook stems
    roster: list[Learner] | None
    only: str | None                          # --module

    def __post_init__(self):
        self.index = _roster_index(self.roster) if self.roster is not None else None
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


# --------------------------------------------------------------------------
# Collecting
# --------------------------------------------------------------------------

@dataclass
class CollectResult:
    """What :func:`collect` did: one report row per input file (and per file it replaced)."""

    rows: list[Row] = field(default_factory=list)
    report: Path | None = None

    @property
    def placed(self) -> list[Row]:
        """Rows of the notebooks now in ``submitted/``."""
        return [r for r in self.rows if r.action.startswith("placed")]

    @property
    def problems(self) -> list[Row]:
        """Rows with a problem (not placed, set aside or ignored)."""
        return [r for r in self.rows if r.problem]


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S")


def _unique(path: Path, data: bytes) -> Path:
    """``path``, or ``name (2).ext`` ... if another file is already there."""
    candidate, n = path, 1
    while candidate.exists() and candidate.read_bytes() != data:
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def _set_aside(root: Path, batch: str, parts: tuple[str, ...], data: bytes,
               when: datetime | None = None) -> str:
    target = _unique(root / UNPLACED / batch / Path(*parts), data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if when is not None:
        os.utime(target, (when.timestamp(), when.timestamp()))
    return target.relative_to(root).as_posix()


def _readable_notebook(data: bytes) -> str:
    """'' when ``data`` is a notebook nbgrader can read, else why not."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return f"it is not valid notebook JSON ({error.__class__.__name__}: {error})"
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        return "it is JSON but has no list of cells, so it is not a notebook"
    if not isinstance(document.get("nbformat"), int) or document["nbformat"] < 4:
        return f"it is an old or unknown notebook format (nbformat {document.get('nbformat')!r})"
    return ""


def collect(root: str | os.PathLike, source: str | os.PathLike, *,
            roster: list[Learner] | None = None, module: str | None = None) -> CollectResult:
    """Place the notebooks of ``source`` (folder or .zip) in ``root/submitted/``; report every file."""
    root, source = Path(root), Path(source)
    notebooks = {m: sorted(p.stem for p in (root / "solutions" / m).glob("*.ipynb"))
                 for m in course_modules(root)}
    if module is not None and module not in notebooks:
        raise ValueError(f"unknown module {module!r}; the modules are: {', '.join(notebooks)}")
    course = _Course(notebooks, roster, module)
    batch = source.stem if source.is_file() else source.name
    entries = _read_input(source)
    result = CollectResult()
    chosen: dict[tuple[str, str, str], list[tuple[_Entry, Row]]] = {}
    for entry in entries:
        row = Row(entry.origin)
        result.rows.append(row)
        junk = _junk_reason(entry.parts)
        if junk:
            row.problem, row.detail, row.action = "not a notebook", junk, "ignored (not copied)"
            continue
        mod, notebook, problem, leftovers, detail = _identify_exercise(entry, course)
        learner, learner_problem, learner_detail = _identify_learner(entry, leftovers, course)
        row.learner_id, row.module = learner or "", mod or ""
        if not entry.parts[-1].lower().endswith(".ipynb"):
            kind = PurePosixPath(entry.parts[-1]).suffix or "no extension"
            row.problem = "not a notebook"
            row.detail = f"a {kind} file, not a Jupyter notebook (.ipynb)"
            row.action = "ignored; copy kept at " + _set_aside(root, batch, entry.parts, entry.data,
                                                                entry.when)
            row.learner_id = learner or ""
            continue
        unreadable = _readable_notebook(entry.data)
        if unreadable or problem or learner_problem:
            row.problem = ("unreadable notebook" if unreadable else problem or learner_problem)
            row.detail = unreadable or detail or learner_detail
            row.action = "set aside at " + _set_aside(root, batch, entry.parts, entry.data, entry.when)
            continue
        row.detail = learner_detail
        chosen.setdefault((learner, mod, notebook), []).append((entry, row))

    for (learner, mod, notebook), copies in chosen.items():
        target = root / "submitted" / learner / mod / f"{notebook}.ipynb"
        # newest first; on equal dates the one listed last in the input wins
        copies = sorted(enumerate(copies), key=lambda ic: (ic[1][0].when, ic[0]), reverse=True)
        copies = [c for _, c in copies]
        keep_entry, keep_row = copies[0]
        for entry, row in copies[1:]:
            row.problem = "duplicate"
            row.detail = (f"{learner} sent {notebook}.ipynb {len(copies)} times; kept the newest, "
                          f"{keep_entry.origin} ({_stamp(keep_entry.when)}); this one is from "
                          f"{_stamp(entry.when)}")
            row.action = "set aside at " + _set_aside(root, batch, entry.parts, entry.data, entry.when)
        if len(copies) > 1:
            keep_row.detail += (f"; newest of {len(copies)} copies ({_stamp(keep_entry.when)}), "
                                "older ones set aside")
        if target.is_file():
            old = target.read_bytes()
            old_when = datetime.fromtimestamp(target.stat().st_mtime)
            if old == keep_entry.data:
                keep_row.action = f"already collected: identical to {target.relative_to(root).as_posix()}"
                continue
            if old_when > keep_entry.when:
                keep_row.problem = "duplicate"
                keep_row.detail = (f"{target.relative_to(root).as_posix()} is newer "
                                   f"({_stamp(old_when)}) than this file ({_stamp(keep_entry.when)}); "
                                   "kept the one already there")
                keep_row.action = "set aside at " + _set_aside(root, batch, keep_entry.parts,
                                                               keep_entry.data, keep_entry.when)
                continue
            moved = _set_aside(root, "replaced", (learner, mod, f"{notebook}.ipynb"), old, old_when)
            result.rows.append(Row(target.relative_to(root).as_posix(), "duplicate",
                                   f"replaced by the newer {keep_entry.origin} "
                                   f"({_stamp(keep_entry.when)}); this copy is from {_stamp(old_when)}",
                                   f"set aside at {moved}", learner, mod))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(keep_entry.data)
        os.utime(target, (keep_entry.when.timestamp(), keep_entry.when.timestamp()))
        keep_row.action = f"placed at {target.relative_to(root).as_posix()}"

    result.report = write_collect_report(root, result.rows)
    return result


def write_collect_report(root: Path, rows: list[Row]) -> Path:
    """Write ``.ccexercise/collect-report.csv`` (every row, in input order); return its path."""
    path = Path(root) / REPORT
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=REPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(r.as_dict() for r in rows)
    return path


def read_collect_report(root: str | os.PathLike) -> list[Row]:
    """The rows of the last collect report, or [] when collect has not run."""
    path = Path(root) / REPORT
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [Row(**{c: r.get(c) or "" for c in REPORT_COLUMNS}) for r in csv.DictReader(handle)]


def format_table(rows: list[dict[str, str]], columns: list[str] | tuple[str, ...]) -> str:
    """``rows`` as a plain-text table with a header line; cells never cut.

    >>> print(format_table([{"a": "x", "b": "long"}], ["a", "b"]))
    a  b
    -  ----
    x  long
    """
    widths = [max([len(c)] + [len(str(r.get(c, ""))) for r in rows]) for c in columns]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in rows:
        lines.append("  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(columns, widths)).rstrip())
    return "\n".join(lines)
