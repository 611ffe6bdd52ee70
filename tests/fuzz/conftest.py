"""The fuzz suite's budget: bounded so it adds about a minute per database.

LAB_FUZZ_EXAMPLES raises or lowers the number of generated requests per test (default
120); no example database is kept, so runs do not depend on earlier ones.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.conftest import make_app

EXAMPLES = int(os.environ.get("LAB_FUZZ_EXAMPLES") or 200)

settings.register_profile(
    "lab-fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    # One app and its signed-in clients serve every example of a test, on purpose.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
FUZZ = settings.get_profile("lab-fuzz")


PUSH_SECRET = "fuzz-push-secret"


@pytest.fixture
def app(database_url: str, tmp_path):
    """The app of tests/conftest.py with the push API on, so pushes reach the parser."""
    application = make_app(database_url, tmp_path, SURVEY_PUSH_SECRET=PUSH_SECRET)
    yield application
    application.extensions["lab.db"].engine.dispose()
