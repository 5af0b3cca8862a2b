import os

# Settings refuse the placeholder key unless DEBUG is on; tests run with DEBUG off.
os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
