"""Package-level guards: public names, layer independence and packaging metadata."""

import ast
import copy
import importlib
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import Specifier, SpecifierSet
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
ENVIRONMENT = ROOT / "environment.yml"

#: Conda-only entries that have no counterpart in pyproject's dependencies.
CONDA_ONLY = {"python", "pip"}


# --------------------------------------------------------------------------
# Public names
# --------------------------------------------------------------------------

@pytest.mark.parametrize("module_name", [
    "ccexercise", "ccexercise.lost_customers", "ccexercise._validate", "ccexercise.checks",
    "ccexercise.checks._registry",
    "ccexercise.datasets", "ccexercise.grading", "ccexercise.views", "ccexercise.widgets",
    "ccexercise.workshop", "ccexercise.skit"])
class TestDunderAll:
    def test_sorted(self, module_name):
        """__all__ is kept in sorted order, so additions and duplicates are easy to spot."""
        names = importlib.import_module(module_name).__all__
        assert list(names) == sorted(names)
        assert len(set(names)) == len(names)

    def test_every_name_exists(self, module_name):
        """Every name in __all__ is really defined in the module."""
        module = importlib.import_module(module_name)
        missing = [name for name in module.__all__ if not hasattr(module, name)]
        assert missing == []


def test_top_level_reexports_every_calculator():
    """Every public name of lost_customers is available as ccexercise.<name>."""
    import ccexercise
    from ccexercise import lost_customers

    assert set(lost_customers.__all__) <= set(ccexercise.__all__)
    for name in lost_customers.__all__:
        assert getattr(ccexercise, name) is getattr(lost_customers, name)


# --------------------------------------------------------------------------
# Layer independence
# --------------------------------------------------------------------------

VIEW_LIBRARIES = ("matplotlib", "ipywidgets", "IPython")


def imported_in_fresh_interpreter(statement):
    """Run ``statement`` in a new interpreter; return which VIEW_LIBRARIES it imported."""
    probe = (f"import sys\n{statement}\n"
             f"print(','.join(m for m in {VIEW_LIBRARIES!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return [name for name in done.stdout.strip().split(",") if name]


class TestLayerIndependence:
    def test_model_layer_imports_no_view_libraries(self):
        """`import ccexercise` loads neither matplotlib, ipywidgets nor IPython."""
        assert imported_in_fresh_interpreter("import ccexercise") == []

    def test_probe_detects_a_view_import(self):
        """The probe itself works: importing matplotlib is noticed."""
        assert imported_in_fresh_interpreter("import matplotlib") == ["matplotlib"]


# --------------------------------------------------------------------------
# No import cycles
# --------------------------------------------------------------------------

PACKAGE = ROOT / "ccexercise"


def module_name(path):
    """``ccexercise/views/__init__.py`` -> ``ccexercise.views``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path, modules):
    """The package's own modules that ``path`` imports when it is loaded (not inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:  # `from . import checks` imports a module, not a name
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def import_cycles(graph):
    """Every set of two or more modules that import one another, directly or round a loop."""
    reach = {m: set(deps) for m, deps in graph.items()}
    changed = True
    while changed:  # transitive closure; the package has a few dozen modules
        changed = False
        for m in reach:
            more = set().union(*(reach[d] for d in reach[m])) - reach[m]
            if more:
                reach[m] |= more
                changed = True
    cycles = {frozenset({m} | {d for d in reach[m] if m in reach[d]})
              for m in graph if m in reach[m]}
    return sorted(sorted(c) for c in cycles)


def package_import_graph():
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): top_level_imports(p, modules) for p in paths}


class TestNoImportCycles:
    def test_no_module_imports_one_that_imports_it_back(self):
        """No two ccexercise modules import each other, directly or through others."""
        assert import_cycles(package_import_graph()) == []

    def test_cycle_finder_finds_a_loop(self):
        """The finder itself works: a -> b -> c -> a is one cycle; d -> a is not part of it."""
        graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
        assert import_cycles(graph) == [["a", "b", "c"]]

    def test_graph_sees_relative_imports(self):
        """The graph reads `from .x import y` and `from . import x` as imports of x."""
        graph = package_import_graph()
        assert "ccexercise.checks._registry" in graph["ccexercise.checks.answers_05_nps"]
        assert "ccexercise.checks.answers_05_nps" in graph["ccexercise.checks"]
        assert "ccexercise.checks" in graph["ccexercise"]

    @pytest.mark.parametrize("module", ["ccexercise.checks", "ccexercise.checks._registry",
                                        "ccexercise.checks.answers_05_nps"])
    def test_each_checks_module_imports_first(self, module):
        """In a new interpreter, importing any of the three first works and registers the checks."""
        probe = (f"import {module}\n"
                 "from ccexercise import checks\n"
                 "print(checks.check('01.try_three_years', 18_000).passed, "
                 "'01.margin' in checks.keys())")
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["True", "True"]


# --------------------------------------------------------------------------
# Packaging: environment.yml mirrors pyproject.toml
# --------------------------------------------------------------------------

def normalise(name):
    """Compare package names as pip does: case-insensitive, '_' and '.' equal to '-'."""
    return name.lower().replace("_", "-").replace(".", "-")


def as_specifiers(requirements):
    """Map normalised package name -> SpecifierSet for a list of requirement strings."""
    result = {}
    for text in requirements:
        requirement = Requirement(text)
        name = normalise(requirement.name)
        if name in result:
            raise ValueError(f"{name} is listed twice")
        result[name] = requirement.specifier
    return result


def pyproject_requirements(pyproject):
    """Runtime dependencies plus the ``test`` extra from a parsed pyproject.toml."""
    project = pyproject["project"]
    return as_specifiers(project["dependencies"]
                         + project["optional-dependencies"]["test"])


def environment_requirements(environment):
    """Conda dependencies from a parsed environment.yml, without python, pip and the pip: list."""
    entries = [entry for entry in environment["dependencies"] if isinstance(entry, str)]
    specs = as_specifiers(entries)
    return {name: spec for name, spec in specs.items() if name not in CONDA_ONLY}


def dependency_differences(pyproject, environment):
    """Every way the two dependency lists disagree, as readable lines (empty when they agree)."""
    wanted = pyproject_requirements(pyproject)
    listed = environment_requirements(environment)
    differences = []
    for name in sorted(wanted.keys() - listed.keys()):
        differences.append(f"{name}{wanted[name]} is in pyproject.toml but not environment.yml")
    for name in sorted(listed.keys() - wanted.keys()):
        differences.append(f"{name}{listed[name]} is in environment.yml but not pyproject.toml")
    for name in sorted(wanted.keys() & listed.keys()):
        if wanted[name] != listed[name]:
            differences.append(f"{name}: pyproject.toml has '{wanted[name]}', "
                               f"environment.yml has '{listed[name]}'")
    return differences


@pytest.fixture(scope="module")
def pyproject():
    """pyproject.toml, parsed."""
    with PYPROJECT.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def environment():
    """environment.yml, parsed."""
    with ENVIRONMENT.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class TestEnvironmentMatchesPyproject:
    def test_same_dependencies_and_versions(self, pyproject, environment):
        """environment.yml lists exactly pyproject's dependencies and test extra, same pins."""
        assert dependency_differences(pyproject, environment) == []

    def test_both_lists_are_read(self, pyproject, environment):
        """The parsers find the real lists (guards against comparing two empty sets)."""
        wanted = pyproject_requirements(pyproject)
        assert {"nbgrader", "ipywidgets", "pandas", "pytest", "hypothesis"} <= wanted.keys()
        assert environment_requirements(environment).keys() == wanted.keys()

    def test_checker_reports_changed_version(self, pyproject, environment):
        """A tampered copy with one version changed is reported, naming both specifiers."""
        tampered = copy.deepcopy(environment)
        index = tampered["dependencies"].index("nbgrader>=0.9.6")
        tampered["dependencies"][index] = "nbgrader>=0.9.5"
        assert dependency_differences(pyproject, tampered) == [
            "nbgrader: pyproject.toml has '>=0.9.6', environment.yml has '>=0.9.5'"]

    def test_checker_reports_missing_and_extra(self, pyproject, environment):
        """A dropped and an added package are both reported."""
        tampered = copy.deepcopy(environment)
        tampered["dependencies"].remove("voila>=0.5.8")
        tampered["dependencies"].append("scipy>=1.11")
        assert dependency_differences(pyproject, tampered) == [
            "voila>=0.5.8 is in pyproject.toml but not environment.yml",
            "scipy>=1.11 is in environment.yml but not pyproject.toml"]

    def test_checker_normalises_names_and_ignores_conda_only(self, pyproject, environment):
        """Case and '_' vs '-' do not matter; python, pip and the pip: list are ignored."""
        tampered = copy.deepcopy(environment)
        tampered["dependencies"] = [entry.upper().replace("-", "_") if isinstance(entry, str)
                                    and entry.startswith("jupyterlab") else entry
                                    for entry in tampered["dependencies"]]
        assert "JUPYTERLAB>=4.2,<5" in tampered["dependencies"]
        plain = {entry for entry in tampered["dependencies"] if isinstance(entry, str)}
        assert {"python>=3.10", "pip"} <= plain
        assert {"pip": ["-e ."]} in tampered["dependencies"]
        assert dependency_differences(pyproject, tampered) == []


# --------------------------------------------------------------------------
# Known-good floors
# --------------------------------------------------------------------------

class TestVersionFloors:
    def test_nbgrader_floor(self, pyproject):
        """pyproject pins nbgrader>=0.9.6 (older releases need JupyterLab 3)."""
        spec = as_specifiers(pyproject["project"]["dependencies"])["nbgrader"]
        assert Specifier(">=0.9.6") in list(spec)
        assert not spec.contains("0.9.5") and not spec.contains("0.8.3")

    def test_ipywidgets_major_8(self, pyproject):
        """pyproject allows ipywidgets 8 only."""
        spec = as_specifiers(pyproject["project"]["dependencies"])["ipywidgets"]
        assert spec.contains("8.1.0")
        assert not spec.contains("7.8.5")
        assert not spec.contains("9.0.0")

    @pytest.mark.parametrize("name", ["nbgrader", "ipywidgets"])
    def test_installed_version_satisfies_pin(self, pyproject, name):
        """The installed nbgrader and ipywidgets are versions the pins allow."""
        spec = as_specifiers(pyproject["project"]["dependencies"])[name]
        installed = Version(importlib.metadata.version(name))
        assert spec.contains(installed, prereleases=True), f"{name} {installed} not in {spec}"

    def test_installed_ipywidgets_is_major_8(self):
        """The installed ipywidgets is a version 8 release."""
        assert Version(importlib.metadata.version("ipywidgets")).major == 8
