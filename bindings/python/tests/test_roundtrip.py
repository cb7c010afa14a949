"""Property tests (hypothesis): generated registries round-trip through to_json / loads and
through CSV; arbitrary edits of a valid document give ValidationError or a registry, nothing
else."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import pkit


@settings(max_examples=40, deadline=None)
@given(companies=st.integers(min_value=0, max_value=60), seed=st.integers(0, 2**32))
def test_generated_registries_round_trip(companies: int, seed: int) -> None:
    registry = pkit.generate(companies, seed)
    again = pkit.loads(registry.to_json())
    assert again == registry
    assert again.to_json() == registry.to_json()
    assert pkit.loads(registry.to_json(pretty=True).encode("utf-8")) == registry


@settings(max_examples=10, deadline=None)
@given(companies=st.integers(min_value=1, max_value=30), seed=st.integers(0, 2**32))
def test_generated_registries_round_trip_through_csv(companies: int, seed: int) -> None:
    registry = pkit.generate(companies, seed)
    with tempfile.TemporaryDirectory() as folder:
        registry.to_csv(Path(folder) / "csv")
        assert pkit.load_csv(Path(folder) / "csv") == registry


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_edits_of_a_valid_document_never_crash(data: st.DataObject) -> None:
    document = json.loads(pkit.generate(3, seed=11).to_json())
    # Replace one value somewhere in the document with arbitrary JSON.
    node: object = document
    path: list[object] = []
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    if path:
        parent: object = document
        for key in path[:-1]:
            parent = parent[key]  # type: ignore[index]
        parent[path[-1]] = data.draw(JSON)  # type: ignore[index]
    text = json.dumps(document)
    issues = pkit.validate(text)
    assert issues == pkit.validate(text)
    for issue in issues:
        assert issue.path == "" or issue.path.startswith("/")
        assert issue.severity in ("error", "warning")
    try:
        registry = pkit.loads(text)
    except pkit.ValidationError as error:
        assert error.issues == issues
        assert any(i.is_error for i in issues)
    else:
        assert registry.warnings == issues
