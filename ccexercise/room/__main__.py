"""``python -m ccexercise.room MODULE``: run the live room's server (as ``ccexercise room``)."""

import sys

if __name__ == "__main__":
    from .server import main

    sys.exit(main())
