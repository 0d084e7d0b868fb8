"""Hatchling build hook: each module's run sheet travels in the wheel.

``course/<module>/run_sheet.md`` is copied to ``ccexercise/_run_sheets/<module>/``,
where :func:`ccexercise.workshop.run_sheet_for` finds it in an installed (non-editable)
kit. Only the run sheets: the notebooks stay in the course folder.
"""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class RunSheetsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        for sheet in sorted(Path(self.root).glob("course/*/run_sheet.md")):
            build_data["force_include"][str(sheet)] = (
                f"ccexercise/_run_sheets/{sheet.parent.name}/{sheet.name}")
