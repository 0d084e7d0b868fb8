"""Reading what collect is given: the files of a folder or a ``.zip``, zips inside opened too.

Every file becomes an :class:`_Entry` (where it came from, its path inside
the input, its bytes and its date); :func:`_junk_reason` tells operating
system and editor leftovers (``__MACOSX``, ``.DS_Store``, checkpoints)
apart, so they are listed but never copied.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

__all__: list[str] = []

# Operating-system and editor leftovers: listed, never copied.
_JUNK = {
    "__macosx": "macOS archive metadata (__MACOSX folder)",
    ".ds_store": "macOS Finder metadata",
    "thumbs.db": "Windows thumbnail cache",
    "desktop.ini": "Windows folder settings",
    ".ipynb_checkpoints": "Jupyter autosave checkpoint (the notebook itself is beside its folder)",
}


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
