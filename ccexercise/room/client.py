"""The trainer's side of the room: the facilitator page's kernels steer the room server.

:class:`RoomClient` speaks the control API with the facilitator secret, using
nothing but :mod:`urllib`. :meth:`RoomClient.from_env` finds the running room
from ``CCEXERCISE_ROOM_URL`` and ``CCEXERCISE_ROOM_SECRET`` (set by
``ccexercise workshop``), else from the runtime file ``ccexercise room`` writes.

>>> client = RoomClient("http://127.0.0.1:8765", "s3cret")
>>> client
RoomClient('http://127.0.0.1:8765/')
>>> RoomClient("ftp://example", "s")
Traceback (most recent call last):
    ...
ValueError: url must be the room server's http:// address, got 'ftp://example'
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from .launch import SECRET_VAR, URL_VAR, runtime_file

__all__ = ["RoomClient", "RoomError"]


class RoomError(RuntimeError):
    """The room server refused a request or could not be reached; the message says why."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RoomClient:
    """A connection to the room server at ``url`` with the facilitator ``secret``."""

    def __init__(self, url: str, secret: str, *, timeout: float = 10.0) -> None:
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ValueError(f"url must be the room server's http:// address, got {url!r}")
        if not isinstance(secret, str) or not secret:
            raise ValueError("secret must be the room's secret (a non-empty text)")
        self.url = url.rstrip("/") + "/"
        self.secret = secret
        self.timeout = timeout

    def __repr__(self) -> str:  # never shows the secret
        return f"RoomClient({self.url!r})"

    @classmethod
    def from_env(cls, env=None, *, path=None) -> RoomClient | None:
        """The client for the running room: from ``CCEXERCISE_ROOM_URL`` and
        ``CCEXERCISE_ROOM_SECRET`` in ``env`` (default: this process's environment), else
        from the runtime file ``path`` (default: ``<jupyter runtime dir>/ccexercise-room.json``);
        None when neither says where a room is.

        >>> RoomClient.from_env({"CCEXERCISE_ROOM_URL": "http://127.0.0.1:9/",
        ...                      "CCEXERCISE_ROOM_SECRET": "s"})
        RoomClient('http://127.0.0.1:9/')
        >>> RoomClient.from_env({}, path="/nonexistent/ccexercise-room.json") is None
        True
        """
        env = os.environ if env is None else env
        url, secret = env.get(URL_VAR, "").strip(), env.get(SECRET_VAR, "").strip()
        if url and secret:
            return cls(url, secret)
        try:
            found = json.loads(Path(path if path is not None else runtime_file())
                               .read_text(encoding="utf-8"))
            return cls(found["url"], found["secret"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    # -- requests -----------------------------------------------------------------

    def _request(self, method: str, path: str, payload=None, *, timeout: float | None = None,
                 raw: bool = False):
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"X-Room-Secret": self.secret,
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            try:
                message = json.loads(error.read().decode("utf-8"))["error"]
            except (ValueError, KeyError, TypeError, OSError):
                message = f"the room server answered {error.code} {error.reason}"
            raise RoomError(message, error.code) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise RoomError(f"cannot reach the room server at {self.url}: {reason}") from None
        return body.decode("utf-8") if raw else json.loads(body.decode("utf-8"))

    def state(self, since: int | None = None, timeout: float = 20.0) -> dict:
        """The room's state: step, timer, join address and code, every question with its
        results. With ``since`` (a version), waits up to about ``timeout`` seconds for a
        change first."""
        query = "" if since is None else "?" + urlencode({"since": int(since)})
        return self._request("GET", "api/control/state" + query, timeout=timeout + 5)

    def set_step(self, index: int, timer=None) -> dict:
        """Move the room to step ``index`` (from 0); ``timer`` is any JSON-ready value."""
        return self._request("POST", "api/control/step", {"index": index, "timer": timer})

    def question(self, question_id: str, action: str) -> dict:
        """``action`` on a question: open, close, reveal, conceal or clear."""
        return self._request("POST", "api/control/question",
                             {"question": question_id, "action": action})

    def hide(self, answer_id: int, hidden: bool = True) -> dict:
        """Hide an answer from the results (``hidden=False`` shows it again)."""
        return self._request("POST", "api/control/hide", {"answer": answer_id, "hidden": hidden})

    def set_typed(self, question_id: str, values) -> dict:
        """Replace the answers typed in for ``question_id`` (paper, show of hands)."""
        return self._request("POST", "api/control/typed",
                             {"question": question_id, "values": list(values)})

    def export_csv(self) -> str:
        """Every answer as CSV text (hidden and cleared ones too, flagged)."""
        return self._request("GET", "api/control/export.csv", raw=True)

    def delete_answers(self) -> dict:
        """Delete every answer of the session (the end of the workshop)."""
        return self._request("POST", "api/control/delete", {})
