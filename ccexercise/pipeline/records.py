"""The grading journal: one small JSON record per submission, written when its grade is final.

``ccexercise grade`` writes ``<course>/.ccexercise/grading/<module>/<learner>.json``
for every submission it looks at, atomically (a temporary file, flushed to
disk, then :func:`os.replace`), and only after nbgrader committed the grade
to the gradebook. A run that is killed therefore leaves, per submission,
either no record (it is graded again, with ``force``, on the next run) or a
complete one. A record is up to date while the submitted files keep the
SHA-256 stored in it; when a learner hands in again, it is regraded.

Fields of a record (all of them always present):

``learner``, ``module``
    who and what;
``status``
    ``"graded"`` (nbgrader graded it; the score is in the gradebook),
    ``"failed"`` (it could not be graded: the flags say why) or
    ``"missing"`` (the learner's module folder holds none of the module's
    notebooks; nothing was graded and the gradebook is untouched);
``score``, ``max_score``
    points from the gradebook (``score`` counts manual grades already
    given); ``score`` is 0 for failed and missing submissions;
``flags``
    a list of ``{"code": short_code, "reason": sentence}``; see
    :data:`ccexercise.pipeline.integrity.FLAG_CODES`;
``isolation``
    how the learner's code was isolated, in words;
``seconds``
    how long grading took; ``finished_at``: ISO 8601 time, UTC;
``sha256``
    fingerprint of the submitted files (:func:`submission_sha256`);
``retry``
    True when the failure was the grader's, not the submission's (an
    nbgrader or database error): the next run grades it again.

Extra fields may appear (``auto_score``, ``needs_manual_grade``,
``notebooks``); readers should ignore what they do not know.

Reading API (used by ``ccexercise report``)::

    load_records(root)            -> list of records, sorted by module then learner
    read_record(root, module, learner) -> one record, or None
    record_path(root, module, learner) -> where it lives

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> _ = write_record(root, new_record("ana", "01_x", "graded", score=3, max_score=5))
>>> [(r["learner"], r["status"], r["score"]) for r in load_records(root)]
[('ana', 'graded', 3)]
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["FIELDS", "GRADED", "FAILED", "MISSING", "STATUSES", "is_current", "load_records",
           "new_record", "read_record", "record_path", "records_dir", "submission_sha256",
           "write_record"]

GRADED, FAILED, MISSING = "graded", "failed", "missing"
STATUSES = (GRADED, FAILED, MISSING)
FIELDS = ("learner", "module", "status", "score", "max_score", "flags", "isolation", "seconds",
          "finished_at", "sha256", "retry")
#: Folder of the journal, relative to the course root.
RECORDS = Path(".ccexercise") / "grading"
_SKIPPED_NAMES = {".ipynb_checkpoints", "__pycache__", ".DS_Store"}


def records_dir(root: str | os.PathLike) -> Path:
    """``<root>/.ccexercise/grading``."""
    return Path(root) / RECORDS


def record_path(root: str | os.PathLike, module: str, learner: str) -> Path:
    """Where the record of ``learner``'s ``module`` lives."""
    if not module or not learner or "/" in module + learner or module.startswith(".") \
            or learner.startswith("."):
        raise ValueError(f"bad module or learner name: {module!r}, {learner!r}")
    return records_dir(root) / module / f"{learner}.json"


def new_record(learner: str, module: str, status: str, *, score: float = 0.0,
               max_score: float | None = None, flags: list | None = None,
               isolation: str = "", seconds: float = 0.0, sha256: str = "",
               retry: bool = False, **extra) -> dict:
    """A complete record (see the module docs), ``finished_at`` = now."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
    record = {"learner": learner, "module": module, "status": status,
              "score": score, "max_score": max_score, "flags": list(flags or []),
              "isolation": isolation, "seconds": round(float(seconds), 3),
              "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "sha256": sha256, "retry": bool(retry)}
    record.update(extra)
    return record


def write_record(root: str | os.PathLike, record: dict) -> Path:
    """Write ``record`` atomically to its place; return the path."""
    missing = [name for name in FIELDS if name not in record]
    if missing:
        raise ValueError(f"record lacks {', '.join(missing)}")
    path = record_path(root, record["module"], record["learner"])
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
    return path


def read_record(root: str | os.PathLike, module: str, learner: str) -> dict | None:
    """The record of ``learner``'s ``module``, or None (none yet, or unreadable)."""
    return _read(record_path(root, module, learner))


def _read(path: Path) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or any(name not in record for name in FIELDS):
        return None
    return record


def load_records(root: str | os.PathLike, modules=None) -> list[dict]:
    """Every readable record under ``root`` (optionally only ``modules``), by module, learner."""
    base = records_dir(root)
    if not base.is_dir():
        return []
    wanted = set(modules) if modules else None
    records = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if wanted is not None and folder.name not in wanted:
            continue
        for path in sorted(folder.glob("*.json")):
            if path.name.startswith("."):
                continue
            record = _read(path)
            if record is not None:
                records.append(record)
    return sorted(records, key=lambda r: (r["module"], r["learner"]))


def submission_sha256(folder: str | os.PathLike) -> str:
    """SHA-256 over a submission folder's files (relative names and contents), sorted.

    An empty or missing folder has the digest of nothing. Editor leftovers
    (``.ipynb_checkpoints``, ``__pycache__``) do not count.
    """
    folder = Path(folder)
    digest = hashlib.sha256()
    if folder.is_dir():
        files = sorted(p for p in folder.rglob("*")
                       if p.is_file() and not (_SKIPPED_NAMES & set(p.relative_to(folder).parts)))
        for path in files:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def is_current(record: dict | None, sha256: str) -> bool:
    """True when ``record`` is final for a submission whose files hash to ``sha256``."""
    return bool(record) and record.get("sha256") == sha256 and not record.get("retry") \
        and record.get("status") in STATUSES
