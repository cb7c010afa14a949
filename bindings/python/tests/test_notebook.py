"""The example notebook runs from top to bottom, and its charts are drawn."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "python" / "pakistan_it_exports.ipynb"


def test_the_notebook_executes() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]  # untyped library
    NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "invalid registry: 4 errors" in printed
    assert "3:12: error invalid_date: `2025-02-30` is not a calendar date (/as_of)" in printed
    # The error's HTML view, a table of its issues, and errors() with line, column and input.
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert '<table class="pkit-issues">' in html and "<td>invalid_date</td>" in html
    assert '<table class="pkit-registry">' in html
    assert "'input': '2025-02-30'" in printed and "'line': 3, 'column': 12" in printed
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2
    # The promotion section: follow-through, the claims beside the records, the headcounts.
    assert "followed by a binding agreement within a year: 4 of 8 (1 too recent to say)" in printed
    tables = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "leap-2023-lead-value" in tables and "25.64" in tables
    assert "Business Recorder" in tables
