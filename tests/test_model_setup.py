"""Without a language model, ingest says in one line what to run: `newsgraph setup`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.nlp import ModelNotFound

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MISSING_MODEL = "/nonexistent/spacy-model"
runner = CliRunner()


def test_ingest_without_a_model_names_the_setup_command(tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    result = runner.invoke(
        app, ["ingest", str(SAMPLES), "--db", str(database), "--model", MISSING_MODEL]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "no spaCy model installed" in lines[0] and "`newsgraph setup`" in lines[0]
    assert "Traceback" not in result.output


def test_code_without_a_model_names_the_setup_command() -> None:
    result = runner.invoke(app, ["code", "Russia sent troops.", "--model", MISSING_MODEL])
    assert result.exit_code == 2
    assert "`newsgraph setup`" in result.output and "Traceback" not in result.output


def test_the_python_api_raises_model_not_found_naming_setup(tmp_path: Path) -> None:
    with newsgraph.open(tmp_path / "news.db") as ng:
        with pytest.raises(ModelNotFound, match="newsgraph setup"):
            ng.ingest(SAMPLES, model=MISSING_MODEL)
        assert ng.counts()["articles"] == 0


def test_setup_with_the_model_installed_installs_nothing() -> None:
    result = runner.invoke(app, ["setup"])
    assert result.exit_code == 0, result.output
    assert "already installed: ready" in result.output
