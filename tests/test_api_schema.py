"""The REST API against its own OpenAPI schema, by schemathesis: generated requests to every
operation of a real server over the seed store plus the hostile article.

Every answer passes all of schemathesis's built-in checks: no server error; the
conformance checks (a documented status code, the documented content type and headers, a
body matching the documented schema); valid requests accepted and invalid ones refused.
At most 15 examples per operation and mode (a few hundred requests) keep it to 10-30 s.

Cases come from schemathesis's Hypothesis strategies under ``@given``: its pytest loader
for a schema served by a fixture (``schemathesis.pytest.from_fixture``) does not run
under pytest 9.2.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from newsgraph.api.routes import router
from workbench_server import build_workbench_store, running_server

EXAMPLES = 15
PATHS = [route.path for route in router.routes]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, nlp) -> Iterator[schemathesis.BaseSchema]:
    db = build_workbench_store(tmp_path_factory.mktemp("schema") / "workbench.db", nlp)
    with running_server(db) as base_url:
        yield schemathesis.openapi.from_url(f"{base_url}/openapi.json")


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as kept_alive:
        yield kept_alive


def test_schema_lists_every_route(api_schema: schemathesis.BaseSchema) -> None:
    assert sorted(api_schema) == sorted(PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_operation_conforms_to_the_schema(
    api_schema: schemathesis.BaseSchema, session: requests.Session, path: str
) -> None:
    """Valid requests, and invalid ones where a query parameter can be made invalid (a bare
    string in the path, or no parameter at all, has no invalid value)."""
    operation = api_schema[path]["GET"]
    modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if operation.query else [])
    for mode in modes:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(session=session)

        conforms()
