"""Where the bundled data sets live: the folder (:func:`data_dir`) and the data
sets in it (:func:`available`).

A source checkout keeps them in ``data/`` beside the package, a wheel in
``ccexercise/_data``; the environment variable ``CCEXERCISE_DATA`` points
at another folder. :mod:`ccexercise.datasets` loads them.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ENV_VAR", "available", "data_dir"]

#: Environment variable that points at a folder of data sets to use instead.
ENV_VAR = "CCEXERCISE_DATA"


def data_dir() -> Path:
    """The folder that holds the bundled data sets, found from any working folder.

    Looks, in order, at the folder named by the environment variable
    ``CCEXERCISE_DATA``, at ``_data`` inside the installed package (a
    wheel), and at ``data`` beside the package (a source checkout).

    >>> (data_dir() / "01_lost_customer_cost" / "customers.csv").is_file()
    True
    """
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        folder = Path(chosen).expanduser()
        if not folder.is_dir():
            raise FileNotFoundError(f"{ENV_VAR} is set to {chosen!r}, which is not a folder; "
                                    f"unset it or point it at the folder holding the data sets")
        return folder
    here = Path(__file__).resolve().parent
    tried = [here / "_data", here.parent / "data"]
    for folder in tried:
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"no bundled data found; looked in {', '.join(map(str, tried))}; "
                            f"set {ENV_VAR} to the folder holding the data sets")


def available() -> list[str]:
    """Names of the bundled data sets: the module folders that hold a CSV.

    >>> "01_lost_customer_cost" in available()
    True
    """
    return sorted(p.name for p in data_dir().iterdir()
                  if p.is_dir() and any(p.glob("*.csv")))
