"""Keeping the public idea form usable without third-party services: a honeypot, a rate limit
per client address and a limit on links.

The rate limit counts in Django's cache. The default cache lives in one process; with several
worker processes each counts on its own, so production should configure a shared cache
(database or Redis) for the limit to hold across workers.
"""

from __future__ import annotations

import ipaddress
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

PUBLIC_IDEA_LIMIT = 5  # posts ...
PUBLIC_IDEA_WINDOW = 10 * 60  # ... per this many seconds, per client address
MAX_LINKS = 5
HONEYPOT_FIELD = "website"

_LINK = re.compile(r"https?://|www\.|\[url|<a\s", re.IGNORECASE)


def client_ip(request: HttpRequest) -> str | None:
    """The client's own address (proxy-aware, as below), or None when there is none to trust.

    For the login throttling (django-axes), which stores it in an IP address column.
    """
    address = ""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        address = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    if not _parse(address):
        address = request.META.get("REMOTE_ADDR") or ""
    ip = _parse(address)
    if ip is None:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ip)


def client_address(request: HttpRequest) -> str:
    """The address the limit counts for this request.

    Behind our documented reverse proxy (BEHIND_HTTPS_PROXY=true, which sets
    SECURE_PROXY_SSL_HEADER) REMOTE_ADDR is the proxy's own, so the client is the right-most
    address of X-Forwarded-For: the one the proxy appended. Addresses further left are whatever
    the client sent and cannot be trusted. Without the proxy X-Forwarded-For is ignored.

    An IPv6 client usually holds a whole /64 and can pick any address in it, so IPv6 addresses
    count per /64 prefix.
    """
    ip = client_ip(request)
    if ip is None:
        return request.META.get("REMOTE_ADDR") or "unknown"
    if ":" in ip:  # IPv6 (an IPv4-mapped one came back as IPv4)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return ip


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def allow_public_post(address: str, *, form: str = "ideas", limit: int = PUBLIC_IDEA_LIMIT) -> bool:
    """Count one post from `address` to `form`; False once it has posted more than `limit`
    within the window. Each form counts on its own."""
    key = f"public-post:{form}:{address}"
    if cache.add(key, 1, timeout=PUBLIC_IDEA_WINDOW):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=PUBLIC_IDEA_WINDOW)
        return True
    return count <= limit


def count_links(*texts: str) -> int:
    return sum(len(_LINK.findall(text)) for text in texts)
