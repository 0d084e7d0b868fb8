"""Flags read from an executed (autograded) notebook, after grading."""

from __future__ import annotations

from .flags import KERNEL_DIED, _meta, flag
from .inspection import _dedupe
from .static_scan import _COURSE_PATH

__all__ = ["outcome_flags"]


def outcome_flags(nb, *, timeout: float | None = None, memory_mb: int | None = None) -> list[dict]:
    """Flags read from an executed (autograded) notebook's outputs."""
    flags = []
    for index, cell in enumerate(getattr(nb, "cells", [])):
        if cell.get("cell_type") != "code":
            continue
        gid = _meta(cell).get("grade_id")
        where = f"'{gid}'" if gid else f"{index + 1}"
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            ename = output.get("ename", "")
            if ename in ("CellTimeoutError", "KeyboardInterrupt") and \
                    any("timeout" in line.lower() or ename == "KeyboardInterrupt"
                        for line in output.get("traceback", []) or [ename]):
                limit = f" of {timeout:g} s" if timeout else ""
                flags.append(flag("timeout", f"Cell {where} ran past the time limit{limit} and "
                                             f"was stopped; the rest of the notebook still ran."))
            elif ename == "MemoryError":
                cap = f" ({memory_mb} MB)" if memory_mb else ""
                flags.append(flag("memory-limit", f"Cell {where} hit the memory cap{cap} and was "
                                                  f"stopped with MemoryError."))
            elif ename == "SystemExit":
                flags.append(flag("kernel-exit", f"Cell {where} called sys.exit(); the kernel "
                                                 f"caught it and the notebook went on."))
            elif ename in ("FileNotFoundError", "PermissionError") and \
                    _COURSE_PATH.search(str(output.get("evalue", ""))):
                flags.append(flag("course-access", f"Cell {where} tried to open a course file "
                                                   f"and was refused ({ename}: "
                                                   f"{str(output.get('evalue', ''))[:160]})."))
            elif ename == KERNEL_DIED:
                flags.append(flag("kernel-died", output.get("evalue", "The kernel died.")))
    return _dedupe(flags)
