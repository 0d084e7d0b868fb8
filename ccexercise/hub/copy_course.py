"""The first-login copy: put the course into a home folder without touching existing work.

The hub runs this as the user (never as root, so a link the user planted
cannot redirect the copy): ``python -m ccexercise.hub.copy_course SRC DEST``.
Files that already exist in ``DEST`` are kept as they are, whatever they hold.

>>> import tempfile, pathlib
>>> src, dest = (pathlib.Path(tempfile.mkdtemp()) for _ in range(2))
>>> _ = (src / "lesson.ipynb").write_text("new"); (src / "data").mkdir()
>>> _ = (src / "data" / "a.csv").write_text("x")
>>> _ = (dest / "lesson.ipynb").write_text("my work")
>>> copy_missing(src, dest)
(['data/a.csv'], ['lesson.ipynb'])
>>> (dest / "lesson.ipynb").read_text()
'my work'
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

__all__ = ["copy_missing"]


def copy_missing(src: str | os.PathLike, dest: str | os.PathLike) -> tuple[list[str], list[str]]:
    """Copy every file of ``src`` that ``dest`` lacks; return ``(copied, kept)`` relative paths.

    A name that exists in ``dest`` in any form (file, folder, link) is kept.
    Links inside ``src`` are not followed.
    """
    src, dest = Path(src), Path(dest)
    if not src.is_dir():
        raise FileNotFoundError(f"no course to copy at {src}")
    copied, kept = [], []
    dest.mkdir(mode=0o700, parents=True, exist_ok=True)
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        relative = Path(folder).relative_to(src)
        target_dir = dest / relative
        if os.path.lexists(target_dir) and not target_dir.is_dir():
            kept.append(relative.as_posix())
            dirs[:] = []
            continue
        target_dir.mkdir(exist_ok=True)
        for name in sorted(files):
            source, target = Path(folder) / name, target_dir / name
            rel = (relative / name).as_posix()
            if os.path.lexists(target):
                kept.append(rel)
            elif not source.is_symlink():
                shutil.copy2(source, target)
                copied.append(rel)
    return copied, kept


def main(argv: list[str] | None = None) -> int:
    src, dest = (argv if argv is not None else sys.argv[1:])[:2]
    copied, kept = copy_missing(src, dest)
    print(f"copied {len(copied)} file(s) into {dest}, kept {len(kept)} existing")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
