"""The self-check registry: what a check is, and the table of checks by key.

The answers files (``ccexercise/checks/answers_<module>.py``) fill the
table with :func:`register`; :func:`ccexercise.checks.check` looks checks
up in it.

>>> result = Check("demo.answer", int, fingerprint("demo.answer", 42), "Try again.")(41)
>>> result
✗ Not yet. Try again.
>>> bool(result)
False
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..grading import plain_value, type_name

__all__ = ["Check", "CheckResult", "fingerprint", "register", "registered"]


def fingerprint(key: str, value) -> str:
    """Digest of ``value`` for the check ``key``: what a check stores instead of the answer.

    Numbers are rounded to cents, text is compared without case or outer
    spaces. Authors use this to register a new check.

    >>> fingerprint("01.try_three_years", 18_000)[:12]
    '215a86d6e70e'
    """
    if isinstance(value, str):
        canonical = value.strip().lower()
    elif isinstance(value, float):
        canonical = f"{round(value, 2):.2f}"
    else:
        canonical = repr(value)
    return hashlib.sha256(f"{key}:{type(value).__name__}:{canonical}".encode()).hexdigest()


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one self-check: ``passed`` and a message for the learner."""

    passed: bool
    message: str

    def __repr__(self) -> str:
        return ("✓ " if self.passed else "✗ ") + self.message

    def __bool__(self) -> bool:
        return self.passed

    def _repr_html_(self) -> str:
        colour = "#1b7837" if self.passed else "#b2182b"
        return (f'<p style="color:{colour};font-size:1.1em"><b>{"✓" if self.passed else "✗"}'
                f"</b> {self.message}</p>")


@dataclass(frozen=True)
class Check:
    """One self-check: the expected type, the right answer's fingerprint, and hints."""

    key: str
    expected_type: type
    answer_digest: str
    hint: str
    mistakes: dict[str, str] = field(default_factory=dict)

    def __call__(self, answer) -> CheckResult:
        if answer is Ellipsis:
            return CheckResult(False, "Not yet. Replace the ... with your answer, then run the cell.")
        plain = plain_value(answer, self.expected_type)
        if plain is None and self.expected_type is float and type(answer) is int:
            plain = float(answer)  # a whole amount is fine where decimals are allowed
        if plain is None:
            return CheckResult(False, f"Not yet. Your answer should be {type_name(self.expected_type)}, "
                                      f"but it is {_describe(answer)}")
        digest = fingerprint(self.key, plain)
        if digest == self.answer_digest:
            return CheckResult(True, "Correct. Well done.")
        return CheckResult(False, "Not yet. " + self.mistakes.get(digest, self.hint))


def _describe(answer) -> str:
    if isinstance(answer, str):
        return "text in quotes. Remove the quotes."
    if isinstance(answer, float) and answer.is_integer():
        return "a decimal number. Write it without the decimal point."
    if isinstance(answer, bool):
        return "True or False."
    if isinstance(answer, (int, float)):
        return f"{type_name(type(answer))}."
    return f"a {type(answer).__name__}."


#: Every check by key, filled by the answers files (``answers_<module>.py``).
_REGISTRY: dict[str, Check] = {}


def register(key: str, expected_type: type, answer_digest: str, hint: str,
             mistakes: dict[str, str] | None = None) -> None:
    """Add a check (used by the answers files, ``answers_<module>.py``)."""
    _REGISTRY[key] = Check(key, expected_type, answer_digest, hint, dict(mistakes or {}))


def registered() -> dict[str, Check]:
    """Every registered check by key (a copy: register new ones with :func:`register`)."""
    return dict(_REGISTRY)
