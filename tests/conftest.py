"""Pytest configuration shared by every test folder."""

import khabar.stages  # noqa: F401  registers the built-in stages for every test that builds a pipeline
