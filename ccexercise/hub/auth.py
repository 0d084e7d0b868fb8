"""Log in with the roster's own passwords (the alternative to one shared workshop password).

The hub never keeps the passwords themselves, only salted PBKDF2 hashes:

>>> stored = hash_password("correct horse")
>>> verify_password("correct horse", stored), verify_password("wrong horse", stored)
(True, False)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from jupyterhub.auth import Authenticator
from traitlets import Dict

__all__ = ["RosterAuthenticator", "hash_password", "verify_password"]

_ROUNDS = 200_000


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """``pbkdf2-sha256$rounds$salt$hash`` for ``password``."""
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _ROUNDS)
    return "$".join(["pbkdf2-sha256", str(_ROUNDS), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()])


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a :func:`hash_password` result (constant time)."""
    try:
        scheme, rounds, salt, digest = stored.split("$")
    except (AttributeError, ValueError):
        return False
    if scheme != "pbkdf2-sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt),
                                    int(rounds))
    return hmac.compare_digest(candidate, base64.b64decode(digest))


class RosterAuthenticator(Authenticator):
    """Each user logs in with the password from the trainer's roster CSV."""

    password_hashes = Dict(config=True, help="username -> hash_password() result")

    async def authenticate(self, handler, data):
        name = self.normalize_username(data.get("username", ""))
        stored = self.password_hashes.get(name)
        if stored and verify_password(data.get("password", ""), stored):
            return name
        return None
