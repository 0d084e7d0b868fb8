"""Start a user's Jupyter server in the folder ``CCEXERCISE_HUB_CWD`` (the spawner starts
every server in the home folder; the instructor's must run in the course, where nbgrader
finds ``nbgrader_config.py`` and the gradebook)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    folder = os.environ.get("CCEXERCISE_HUB_CWD")
    if folder:
        os.chdir(os.path.expanduser(folder))
    from jupyterhub.singleuser import main as singleuser_main

    sys.exit(singleuser_main())


if __name__ == "__main__":
    main()
