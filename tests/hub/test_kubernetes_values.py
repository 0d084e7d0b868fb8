"""deploy/kubernetes/values.yaml against the Zero to JupyterHub chart's published schema.

Kubernetes and helm do not run here. What does: the values are merged over
the chart's defaults the way helm merges them (maps deep-merged, lists and
scalars replaced) and the result is validated with the chart's own JSON
schema (published files: ../shared/reference/z2jh/ beside this repository when
it is there, otherwise the same files copied into tests/hub/reference/z2jh/). Also checked: the Kubernetes role configs match the ones
`ccexercise hub` writes, and the Dockerfile copies no solutions.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy" / "kubernetes"
# The shared reference folder is the source; the copy in this repository (same commit of
# the chart, see its README.md) lets a clone anywhere run the check.
SHARED_REFERENCE = REPO.parent / "shared" / "reference" / "z2jh"
REFERENCE = SHARED_REFERENCE if SHARED_REFERENCE.is_dir() else \
    Path(__file__).resolve().parent / "reference" / "z2jh"


def helm_merge(defaults, overrides):
    """What helm does with ``--values``: maps merged key by key, anything else replaced.

    >>> helm_merge({"a": {"b": 1, "c": [1, 2]}, "d": 1}, {"a": {"c": [3]}, "e": 2})
    {'a': {'b': 1, 'c': [3]}, 'd': 1, 'e': 2}
    """
    merged = copy.deepcopy(defaults)
    for key, value in (overrides or {}).items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


@pytest.fixture(scope="module")
def chart():
    import jsonschema

    schema = yaml.safe_load((REFERENCE / "values.schema.yaml").read_text())
    defaults = yaml.safe_load((REFERENCE / "values.yaml").read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    return validator, defaults


def _errors(validator, values) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(values)]


def _ours():
    return yaml.safe_load((DEPLOY / "values.yaml").read_text())


def test_the_chart_defaults_alone_are_valid(chart):
    validator, defaults = chart
    assert _errors(validator, defaults) == []


def test_our_values_merged_over_the_defaults_are_valid(chart):
    validator, defaults = chart
    merged = helm_merge(defaults, _ours())
    assert _errors(validator, merged) == []
    # What we set survived the merge (and the defaults we did not touch are still there).
    assert merged["singleuser"]["memory"] == {"limit": "2G", "guarantee": "1G"}
    assert merged["cull"]["enabled"] is True and merged["cull"]["timeout"] == 3600
    assert merged["singleuser"]["storage"]["homeMountPath"] == "/home/jovyan"
    mounts = merged["singleuser"]["storage"]["extraVolumeMounts"]
    assert {"name": "nbgrader-exchange", "mountPath": "/srv/nbgrader/exchange"} in mounts


def test_the_schema_check_catches_a_misspelt_key(chart):
    validator, defaults = chart
    broken = helm_merge(_ours(), {"singleuser": {"memroy": {"limit": "2G"}}})
    assert any("memroy" in e for e in _errors(validator, helm_merge(defaults, broken)))
    wrong_type = helm_merge(_ours(), {"cull": {"timeout": "an hour"}})
    assert any(e.startswith("cull.timeout") for e in
               _errors(validator, helm_merge(defaults, wrong_type)))


def test_kubernetes_role_configs_match_the_single_server_ones():
    from ccexercise.hub.provision import learner_page_config, learner_server_config

    config = DEPLOY / "config" / "learner"
    assert json.loads((config / "jupyter_server_config.json").read_text()) == \
        learner_server_config()
    assert json.loads((config / "labconfig" / "page_config.json").read_text()) == \
        learner_page_config()
    learner = (config / "nbgrader_config.py").read_text()
    assert 'c.ExchangeFactory.submit = "ccexercise.hub.exchange.PrivateSubmit"' in learner
    assert "/srv/nbgrader/exchange" in learner
    assert "/srv/nbgrader/exchange" in str(_ours()["singleuser"]["storage"]["extraVolumeMounts"])


def test_the_image_holds_no_solutions():
    copies = [line.split()[1:] for line in (DEPLOY / "Dockerfile").read_text().splitlines()
              if line.startswith("COPY")]
    sources = [part for parts in copies for part in parts[:-1] if not part.startswith("--")]
    assert sources and not any(s.startswith(("solutions", "model_answers", "submitted",
                                             "autograded", "feedback", "gradebook"))
                               for s in sources), sources
    assert all((REPO / s).exists() for s in sources), sources
