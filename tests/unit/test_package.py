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

    def test_no_model_file_imports_a_view_library(self):
        """No model module imports matplotlib, ipywidgets, IPython or a view layer, anywhere in
        the file (inside functions too); checked file by file, not only `import ccexercise`.
        (``cc.views`` and ``cc.widgets`` load on first use through ``ccexercise.__getattr__``.)"""
        graph = package_import_graph(lazy=False)
        offenders = {}
        for path in model_files():
            tree = ast.parse(path.read_text(encoding="utf-8"))
            libraries = {alias.name.split(".")[0] for node in ast.walk(tree)
                         if isinstance(node, ast.Import) for alias in node.names}
            libraries |= {node.module.split(".")[0] for node in ast.walk(tree)
                          if isinstance(node, ast.ImportFrom) and node.module and not node.level}
            layers = {m for m in graph[module_name(path)] if not is_model(m)}
            bad = sorted((libraries & set(VIEW_LIBRARIES)) | layers)
            if bad:
                offenders[module_name(path)] = bad
        assert offenders == {}

    def test_each_model_module_loads_alone_without_view_libraries(self):
        """Imported one by one in a fresh interpreter, no model module pulls in a view library."""
        names = [module_name(p) for p in model_files()]
        probe = ("import importlib, sys\n"
                 f"for name in {names!r}:\n"
                 "    importlib.import_module(name)\n"
                 f"    bad = [m for m in {VIEW_LIBRARIES!r} if m in sys.modules]\n"
                 "    if bad:\n        print(name, bad)\n        break\n")
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""

    def test_model_files_are_found(self):
        """The model is everything outside the view, widget, command, launch, hub and pipeline code."""
        names = {module_name(p) for p in model_files()}
        assert {"ccexercise", "ccexercise.lost_customers", "ccexercise.nps", "ccexercise.cards.dealing",
                "ccexercise.datasets", "ccexercise.workshop.run_sheets"} <= names
        assert not names & {"ccexercise.views", "ccexercise.widgets.cards", "ccexercise.launch",
                            "ccexercise.cli", "ccexercise.hub.roster"}


#: Folders and modules outside the model layer.
NOT_MODEL = ("views", "widgets", "commands", "launch", "hub", "pipeline", "cli",
             "sandbox_provisioner")  # the last: a shim for pipeline code (see its docstring)


def is_model(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "ccexercise" and (len(parts) == 1 or parts[1] not in NOT_MODEL)


def model_files():
    return [p for p in sorted(PACKAGE.rglob("*.py")) if is_model(module_name(p))]


# --------------------------------------------------------------------------
# No import cycles
# --------------------------------------------------------------------------

PACKAGE = ROOT / "ccexercise"


def module_name(path):
    """``ccexercise/views/__init__.py`` -> ``ccexercise.views``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(node, package):
    base = node.module or ""
    if node.level:
        parent = package.split(".")[:len(package.split(".")) - node.level + 1]
        base = ".".join(parent + ([node.module] if node.module else []))
    return base


def _lazy_names(tree, function):
    """Strings in module-level tuples, lists or sets that ``function`` reads (``_LAZY``)."""
    used = {n.id for n in ast.walk(function) if isinstance(n, ast.Name)}
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in used
                                                for t in node.targets):
            if isinstance(node.value, (ast.Tuple, ast.List, ast.Set)):
                names |= {e.value for e in node.value.elts
                          if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return names


def imports_of(path, modules, *, everywhere=True, lazy=True):
    """The package's own modules that ``path`` imports: at load time, inside functions
    (``everywhere``), and through ``importlib.import_module`` in a module ``__getattr__``."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in (ast.walk(tree) if everywhere else tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, package)
            for alias in node.names:  # `from . import checks` imports a module, not a name
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        elif (everywhere and lazy and isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
              and "import_module" in ast.unparse(node)):
            found.update(f"{package}.{lazy}" for lazy in _lazy_names(tree, node))
            for call in ast.walk(node):  # import_module("ccexercise.x") with a plain string
                if isinstance(call, ast.Constant) and isinstance(call.value, str):
                    found.add(call.value)
    return {m for m in found if m in modules and m != name}


def top_level_imports(path, modules):
    """The package's own modules that ``path`` imports when it is loaded (not inside functions)."""
    return imports_of(path, modules, everywhere=False)


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


def package_import_graph(*, everywhere=True, lazy=True):
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules, everywhere=everywhere, lazy=lazy)
            for p in paths}


class TestNoImportCycles:
    def test_no_module_imports_one_that_imports_it_back(self):
        """No two ccexercise modules import each other, directly or through others, counting
        imports inside functions and through a module ``__getattr__``."""
        assert import_cycles(package_import_graph()) == []

    def test_graph_sees_function_and_lazy_imports(self, tmp_path):
        """An import inside a function and a lazy ``__getattr__`` import are edges too."""
        package = tmp_path / "pkg"
        package.mkdir()
        (package / "__init__.py").write_text(
            "_LAZY = ('b',)\n\ndef __getattr__(name):\n    import importlib\n"
            "    if name in _LAZY:\n        return importlib.import_module(f'.{name}', __name__)\n")
        (package / "b.py").write_text("def f():\n    from . import c\n")
        (package / "c.py").write_text("import pkg\n")
        modules = {"pkg", "pkg.b", "pkg.c"}

        def graph_of(**options):
            return {m: imports_of(package / (m.split(".")[1] + ".py" if "." in m
                                              else "__init__.py"), modules, **options)
                    for m in modules}

        global ROOT
        old_root, ROOT = ROOT, tmp_path
        try:
            assert import_cycles(graph_of()) == [["pkg", "pkg.b", "pkg.c"]]
            assert import_cycles(graph_of(everywhere=False)) == []
        finally:
            ROOT = old_root

    def test_no_private_name_crosses_a_folder(self):
        """A file imports another's private names (``_x``) only inside its own folder."""
        crossing = []
        for path in sorted(PACKAGE.rglob("*.py")):
            name = module_name(path)
            package = name if path.name == "__init__.py" else name.rpartition(".")[0]
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom):
                    continue
                source = _resolve(node, package)
                folder = source if (PACKAGE.parent / source.replace(".", "/")).is_dir() \
                    else source.rpartition(".")[0]
                private = [a.name for a in node.names if a.name.startswith("_")
                           and not a.name.startswith("__")]
                if private and source.startswith("ccexercise") and folder != package:
                    crossing.append(f"{name}: {', '.join(private)} from {source}")
        assert crossing == []

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


# --------------------------------------------------------------------------
# Import paths that notebooks, locked cells, configs and deploy/ rely on
# --------------------------------------------------------------------------

DESIGN = ROOT / "docs" / "design.md"


def listed_import_paths() -> list[str]:
    """The ``module[:name]`` lines of design.md's import-paths block."""
    text = DESIGN.read_text(encoding="utf-8").split("<!-- import-paths -->", 1)[1]
    block = text.split("```text", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip()]


def used_import_paths() -> set[str]:
    """Every ccexercise path the notebooks, nbgrader_config.py, deploy/ and pyproject.toml name."""
    import re

    found = set()
    files = [*ROOT.glob("course/**/*.ipynb"), *ROOT.glob("solutions/**/*.ipynb"),
             *ROOT.glob("exercises/**/*.ipynb"), ROOT / "nbgrader_config.py", PYPROJECT,
             *(p for p in ROOT.glob("deploy/**/*") if p.is_file())]
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\\n", "\n")
        for module, names in re.findall(r"from (ccexercise[\w.]*) import ([\w, ]+)", text):
            found |= {f"{module}:{n.split()[0]}" for n in names.split(",") if n.strip()}
        found |= set(re.findall(r"import (ccexercise[\w.]*)", text))
        for dotted in re.findall(r"[\"'](ccexercise(?:\.\w+)+)[\"':]", text):
            module, _, name = dotted.rpartition(".")
            found.add(f"{module}:{name}" if name[:1].isupper() else dotted)
        found |= {f"{m}:{n}" for m, n in re.findall(r"\"(ccexercise[\w.]*):(\w+)\"", text)}
    return found


class TestImportPaths:
    @pytest.mark.parametrize("path", listed_import_paths())
    def test_listed_path_imports(self, path):
        """Every path design.md lists imports (and the name after ':' exists)."""
        module, _, name = path.partition(":")
        loaded = importlib.import_module(module)
        if name:
            assert hasattr(loaded, name), path

    def test_every_used_path_is_listed(self):
        """A notebook, config or deploy file that names a new path must add it to design.md."""
        assert used_import_paths() - set(listed_import_paths()) == set()
