"""An installed wheel carries the ontology, shapes and queries, and finds them at run time."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import peelgraph, peelgraph.resources as r
from peelgraph.context import default_context
assert "_resources" in str(r.ontology_dir()), r.ontology_dir()
c = default_context()
v = c.vocabulary
assert len(v.forces) == 43 and v.frameworks
assert len(c.shapes) > 100 and len(c.reference_graph) > 1000
from peelgraph.export.jsonld import context
from peelgraph.export.docs import ontology_page
assert context()["@context"]["@version"] == 1.1 and ontology_page().startswith(b"<!DOCTYPE")
print(peelgraph.__file__)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True,
    )  # fmt: skip
    return next(out.glob("peelgraph-*.whl"))


def test_wheel_holds_every_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for ttl in (ROOT / "ontology").glob("*.ttl"):
        assert f"peelgraph/_resources/ontology/{ttl.name}" in names
    assert "peelgraph/_resources/ontology/context-v1.jsonld" in names
    assert "peelgraph/export/templates/ontology.html.j2" in names
    for rq in (ROOT / "queries").glob("*.rq"):
        assert f"peelgraph/_resources/queries/{rq.name}" in names
    assert "peelgraph/py.typed" in names


def test_installed_wheel_loads_its_resources(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True,
    )  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(target))
    done = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(target))
