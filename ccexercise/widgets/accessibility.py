"""What ipywidgets leaves out for screen readers and keyboards, added by the kit.

ipywidgets 8 names a text box, a dropdown or a button after its visible label,
but not a slider's handle (``role="slider"``, no name:
jupyter-widgets/ipywidgets#2650), and a box that scrolls cannot be reached with
Tab. A small script, :data:`FRONT_END_JS` (``static/accessibility.js``), fixes
both in the page: it gives each slider handle its description as its name and
each scrolling box ``tabindex="0"``, now and whenever the page changes.

- In **Voila** the projector template (:mod:`ccexercise.launch`) carries it.
- In **JupyterLab** :func:`ensure_front_end` shows it as a JavaScript output
  the first time a kernel imports :mod:`ccexercise.widgets` (JupyterLab runs
  a trusted output's JavaScript; the script runs once per page).

>>> "noUi-handle" in FRONT_END_JS and "aria-label" in FRONT_END_JS
True
>>> ensure_front_end()      # not in a kernel: nothing to show
False
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FRONT_END_JS", "ensure_front_end"]

#: The script (see the module's docstring); the Voila template reads the same file.
FRONT_END_JS = (Path(__file__).parent / "static" / "accessibility.js").read_text(encoding="utf-8")
_SHOWN: list[bool] = []


def ensure_front_end() -> bool:
    """Show :data:`FRONT_END_JS` once in this kernel's front end; True if it was shown now.

    Outside a kernel (plain Python, tests) it shows nothing and returns False.
    """
    if _SHOWN:
        return False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return False
    from IPython.display import Javascript, display

    display(Javascript(FRONT_END_JS))
    _SHOWN.append(True)
    return True
