"""The settings ``ccexercise hub`` writes and ``jupyterhub_config.py`` reads (one JSON file).

>>> s = HubSettings(course="/srv/course", state="/srv/hub", instructor="kim",
...                 learners=["ana"], python="/srv/hub/python/bin/python")
>>> s.exchange, s.home_course("ana")
('/srv/hub/exchange', '~ana/ccexercise')
>>> HubSettings.from_json(s.to_json()) == s
True
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["COURSE_FOLDER", "SETTINGS_ENV", "HubSettings", "load_settings"]

#: The folder, in every home, that holds that person's copy of the course.
COURSE_FOLDER = "ccexercise"
#: Environment variable naming the settings file (``jupyterhub_config.py`` reads it).
SETTINGS_ENV = "CCEXERCISE_HUB_SETTINGS"


@dataclass
class HubSettings:
    """Everything the hub configuration needs to know about this course and room."""

    course: str                      # the course folder (with nbgrader_config.py, solutions/)
    state: str                       # the hub's own folder: database, exchange, configs
    instructor: str
    learners: list[str]
    python: str                      # a Python every user may run, with the kit installed
    ip: str = "0.0.0.0"
    port: int = 8000
    course_id: str = "ccexercise"
    auth: str = "shared"             # "shared" (workshop password) or "roster" (own passwords)
    user_password: str | None = None     # shared mode: the learners' password
    admin_password: str | None = None    # shared mode: the instructor's (32+ characters)
    password_hashes: dict[str, str] = field(default_factory=dict)  # roster mode
    proxy: str | None = None         # configurable-http-proxy command
    mem_limit_mb: int = 2048         # address-space cap of each server and each kernel
    nproc_limit: int = 256           # processes per user
    nice: int = 5                    # user servers yield the CPU to the hub and proxy
    idle_timeout: int = 3600         # seconds before an idle server is stopped
    room_module: str | None = None   # --room: the module whose live room runs as a service
    room_port: int | None = None     # where that room listens, on 127.0.0.1
    room_secret: str | None = None   # its facilitator secret (the instructor's server only)
    room_join_url: str | None = None  # the address phones open (<hub>/services/room/)

    @property
    def exchange(self) -> str:
        return str(Path(self.state) / "exchange")

    def role(self, username: str) -> str:
        return "instructor" if username == self.instructor else "learner"

    def home_course(self, username: str) -> str:
        """Where ``username``'s copy of the course lives (``~name/ccexercise``)."""
        return f"~{username}/{COURSE_FOLDER}"

    def config_dir(self, role: str) -> str:
        """The Jupyter configuration folder of one role (on ``JUPYTER_CONFIG_PATH``)."""
        return str(Path(self.state) / "config" / role)

    def staged(self, role: str) -> str:
        """The folder each role's first-login copy of the course is made from."""
        return str(Path(self.state) / "staged" / role)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "HubSettings":
        return cls(**json.loads(text))

    def save(self, path: str | os.PathLike) -> Path:
        """Write the settings, readable by root only (they hold passwords)."""
        path = Path(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(self.to_json())
        os.chmod(path, 0o600)
        return path


def load_settings(path: str | os.PathLike | None = None) -> HubSettings:
    """The settings at ``path`` (default: ``$CCEXERCISE_HUB_SETTINGS``)."""
    path = path or os.environ.get(SETTINGS_ENV)
    if not path:
        raise FileNotFoundError(f"no hub settings: set {SETTINGS_ENV} to the hub.json that "
                                f"`ccexercise hub` writes (or start the hub with that command)")
    return HubSettings.from_json(Path(path).read_text(encoding="utf-8"))
