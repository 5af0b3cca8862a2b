"""Loaded by pytest (-p) before Django: tests run with DEBUG off and need a non-placeholder key."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
