"""``python -m newsgraph``: the ``newsgraph`` command."""

from newsgraph.cli import app

if __name__ == "__main__":
    app()
