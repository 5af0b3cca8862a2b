"""Keeping the public idea form usable without third-party services: a honeypot, a rate limit
per client address and a limit on links.

The rate limit counts in Django's cache. The default cache lives in one process; with several
worker processes each counts on its own, so production should configure a shared cache
(database or Redis) for the limit to hold across workers.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.http import HttpRequest

PUBLIC_IDEA_LIMIT = 5  # posts ...
PUBLIC_IDEA_WINDOW = 10 * 60  # ... per this many seconds, per client address
MAX_LINKS = 5
HONEYPOT_FIELD = "website"

_LINK = re.compile(r"https?://|www\.|\[url|<a\s", re.IGNORECASE)


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def allow_public_post(address: str) -> bool:
    """Count one post from `address`; False once it has posted more than the limit."""
    key = f"ideas:public-post:{address}"
    if cache.add(key, 1, timeout=PUBLIC_IDEA_WINDOW):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=PUBLIC_IDEA_WINDOW)
        return True
    return count <= PUBLIC_IDEA_LIMIT


def count_links(*texts: str) -> int:
    return sum(len(_LINK.findall(text)) for text in texts)
