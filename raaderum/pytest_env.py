"""Loaded by pytest (-p) before Django: tests run with DEBUG off and need a non-placeholder key."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("TASKS_BACKEND", "immediate")  # background work runs inline in tests
