"""nbgrader submissions that only their author and the instructor can read.

Stock nbgrader leaves each submission folder in the exchange open to every
user (mode 777, world-readable files) and relies on a name nobody can list
or guess. The exchange's ``inbound`` folder is owned by the instructor and
set-group-id, so a new submission folder belongs to the instructor's group;
:class:`PrivateSubmit` then closes that folder to everyone else (mode 770):
other learners cannot enter it even knowing its name, while the
instructor's ``nbgrader collect`` (and deleting, as nbgrader expects) works
through the group. Enable it for learners with
``c.ExchangeFactory.submit = "ccexercise.hub.exchange.PrivateSubmit"``.
"""

from __future__ import annotations

import os

from nbgrader.exchange.default.submit import ExchangeSubmit

__all__ = ["PrivateSubmit"]

FOLDER_MODE = 0o770


class PrivateSubmit(ExchangeSubmit):
    """nbgrader's submit, then the submission folder closed to all but the instructor's group."""

    def copy_files(self):
        super().copy_files()
        dest = os.path.join(self.inbound_path, self.assignment_filename)
        if os.stat(dest).st_gid == os.stat(self.inbound_path).st_gid:
            os.chmod(dest, FOLDER_MODE)
        else:  # closing it would lock the instructor out too
            self.log.warning("the exchange's inbound folder is not set-group-id to the "
                             "instructor's group; this submission stays readable by others")
