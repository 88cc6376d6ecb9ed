"""docs/analysis.ipynb runs end to end on a fresh store built from samples/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "analysis.ipynb"


def _outputs_text(cell) -> str:
    pieces = []
    for output in cell.get("outputs", ()):
        pieces.append(output.get("text", ""))
        pieces.append(output.get("data", {}).get("text/plain", ""))
    return "".join(pieces)


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(not cell.outputs and cell.execution_count is None for cell in code)


def test_the_analysis_notebook_runs_on_the_samples(tmp_path: Path, monkeypatch) -> None:
    # The notebook's layout: docs/ beside samples/; the kernel imports this checkout.
    (tmp_path / "docs").mkdir()
    shutil.copy(NOTEBOOK, tmp_path / "docs" / NOTEBOOK.name)
    (tmp_path / "samples").symlink_to(ROOT / "samples", target_is_directory=True)
    path = [str(ROOT / "src"), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(path))
    notebook = nbformat.read(NOTEBOOK, as_version=4)

    NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path / "docs")}},
    ).execute()  # raises CellExecutionError on the first cell that fails

    outputs = [_outputs_text(cell) for cell in notebook.cells if cell.cell_type == "code"]
    everything = "\n".join(outputs)
    assert "read 3 articles: 1 new stories, 2 duplicates, 0 skipped" in everything
    assert (tmp_path / "docs" / "analysis.db").is_file()
    russia = next(text for text in outputs if "source_name" in text and "verb" in text)
    assert "Russia" in russia and "Kazakhstan" in russia
    assert "Vladimir Putin (say):" in everything
    assert "goldstein" in everything and "events" in everything
