"""Fixtures of the API tests; the store they read is built in conftest_store.py (shared with the browser tests)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest_store import TOKEN, build_store  # noqa: E402


@pytest.fixture(scope="session")
def api_db(tmp_path_factory) -> str:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture
def client(api_db):
    from fastapi.testclient import TestClient

    from khabar.api.app import create_app
    from khabar.api.options import ApiOptions

    with TestClient(create_app(ApiOptions(db=api_db, token=TOKEN, max_body=64 * 1024))) as c:
        yield c
