"""Fixtures of the exchange tests: the tasks tests' production."""

import pytest

from tests.plugins.tasks.conftest import Production


@pytest.fixture
def prod(studio, admin_headers):
    return Production(studio, admin_headers)
