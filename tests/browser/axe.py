"""axe-core in the real-browser tests: one way to audit a page, and one allow-list.

:func:`audit` runs axe-core (axe-playwright-python) with the WCAG 2.1 A and AA
rules on a Playwright page, saves the whole result beside the test's other
artifacts and returns an :class:`AxeReport`; :meth:`AxeReport.assert_clean`
fails on every serious or critical violation the allow-list does not name.

The allow-list is node-level where it can be: an :class:`Allowed` entry names
a rule and a piece of the failing node's CSS selector or markup, so only
those nodes pass, never the whole rule. Each entry says why the kit cannot
fix it (yet). Keep it as short as it honestly can be: fix the page rather
than add a line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ALLOW_LIST", "Allowed", "AxeReport", "BLOCKING", "WCAG_TAGS", "audit"]

#: The rules run: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: The impacts that fail a test.
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Allowed:
    """Nodes of ``rule`` whose CSS target or markup contains ``node`` ("" = any node of
    the rule, only when no narrower match is possible); ``reason`` says why it stays."""

    rule: str
    node: str
    reason: str

    def matches(self, rule: str, target: str, markup: str) -> bool:
        return rule == self.rule and (not self.node or self.node in target
                                      or self.node in markup)


ALLOW_LIST: tuple[Allowed, ...] = (
    # JupyterLab 4.6's own interface (lessons only); nothing of the kit's.
    Allowed("aria-allowed-attr", "<jp-button",
            "JupyterLab's toolbar buttons (Upload Files, the file filter, Render with Voila, "
            "nbgrader's Validate, the debugger) are <jp-button> web components given "
            "aria-pressed, which their role does not allow: jupyterlab/jupyterlab#16891"),
    Allowed("aria-input-field-name", 'class="cm-content"',
            "JupyterLab's code cell editors (CodeMirror 6, role=textbox) carry no name: "
            "jupyterlab/jupyterlab#10347 (cell ARIA labels); the lessons' code cells are "
            "folded, but their editors stay in the page"),
    Allowed("scrollable-region-focusable", 'class="cm-scroller',
            "JupyterLab's code cell editor (CodeMirror 6) scrolls a long code line sideways "
            "in its .cm-scroller, which CodeMirror gives tabindex=-1 (codemirror/dev#1344: "
            "the editor's content takes the focus and scrolls it; axe does not count "
            "its tabindex=-1 content as reachable)"),
    Allowed("aria-required-children", "jp-WindowedPanel-viewport",
            "JupyterLab's windowed notebook gives its cell list role=feed, whose children "
            "are not role=article: jupyterlab/jupyterlab#14765 (Notebooks for All ARIA)"),
    Allowed("button-name", "jp-collapseHeadingButton",
            "JupyterLab's collapse button beside a markdown heading (added by "
            "jupyterlab/jupyterlab#10260) is an empty <button> with no aria-label; it shows on "
            "the active heading cell, so axe meets it only when a lesson's interaction leaves "
            "a heading active (seen on lesson 07); no upstream issue names it yet"),
)


@dataclass
class AxeReport:
    """One page's axe result: ``blocking`` (serious/critical, not allowed), ``allowed``
    (serious/critical, on the allow-list) and ``minor`` (moderate/minor), each a list of
    ``(rule, impact, target, markup)``."""

    name: str
    url: str
    blocking: list[tuple[str, str, str, str]] = field(default_factory=list)
    allowed: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    minor: list[tuple[str, str, str, str]] = field(default_factory=list)
    help: dict[str, str] = field(default_factory=dict)
    rules: int = 0

    def summary(self) -> str:
        lines = [f"axe on {self.name} ({self.url}, {self.rules} rules applied): "
                 f"{len(self.blocking)} blocking, "
                 f"{len(self.allowed)} allowed, {len(self.minor)} moderate/minor node(s)"]
        for rule, impact, target, markup in self.blocking:
            lines.append(f"  BLOCKING {rule} ({impact}): {self.help.get(rule, '')}\n"
                         f"    at {target}: {markup[:200]}")
        for rule, impact, target, _markup, reason in self.allowed:
            lines.append(f"  allowed {rule} ({impact}) at {target}: {reason}")
        for rule, impact, target, _markup in self.minor:
            lines.append(f"  {impact} {rule} at {target}")
        return "\n".join(lines)

    def assert_clean(self) -> None:
        assert not self.blocking, self.summary()


def audit(page, name: str, artifacts: Path | None = None, *, context=None,
          allow: tuple[Allowed, ...] = ALLOW_LIST) -> AxeReport:
    """Run axe-core's WCAG 2.1 A/AA rules on ``page`` (``context``: a selector to audit
    only part of it); save the result as ``axe-<name>.json`` and a summary as
    ``axe-<name>.txt`` in ``artifacts``; return the :class:`AxeReport`."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)},
               "resultTypes": ["violations"]}
    result = Axe().run(page, context=context, options=options).response
    report = AxeReport(name, page.url)
    report.rules = len(result.get("passes", [])) + len(result.get("violations", [])) + len(
        result.get("incomplete", []))
    assert report.rules, f"axe ran no rule on {page.url}: {sorted(result)}"
    for violation in result["violations"]:
        rule, impact = violation["id"], violation.get("impact") or "minor"
        report.help[rule] = f"{violation.get('help', '')} ({violation.get('helpUrl', '')})"
        for node in violation["nodes"]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t
                              for t in node.get("target", []))
            markup = node.get("html", "")
            node_impact = node.get("impact") or impact
            if node_impact not in BLOCKING:
                report.minor.append((rule, node_impact, target, markup))
                continue
            reason = next((a.reason for a in allow if a.matches(rule, target, markup)), None)
            if reason is None:
                report.blocking.append((rule, node_impact, target, markup))
            else:
                report.allowed.append((rule, node_impact, target, markup, reason))
    if artifacts is not None:
        (artifacts / f"axe-{name}.json").write_text(json.dumps(result["violations"], indent=1))
        (artifacts / f"axe-{name}.txt").write_text(report.summary() + "\n")
    return report
