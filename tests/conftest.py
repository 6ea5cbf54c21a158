"""Pytest configuration shared by every test folder."""
